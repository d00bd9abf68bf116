package io.tegami.imap.command;

import java.util.ArrayList;
import java.util.List;

import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MailboxStatus;
import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.CommandReader;
import io.tegami.imap.protocol.ParseException;

/**
 * STATUS data items (RFC 3501 6.3.10, RFC 7162 HIGHESTMODSEQ, RFC 8438 SIZE, RFC 7889 APPENDLIMIT): parsed from
 * {@code (MESSAGES UNSEEN ...)} and answered from a read-only handle, which claims no
 * {@code \Recent}.
 */
final class StatusItems {

    private StatusItems() {
    }

    /** Reads {@code "(" status-att *(SP status-att) ")"}. */
    static List<String> parse(CommandReader r) throws ParseException {
        r.expect('(');
        List<String> items = new ArrayList<>();
        while (true) {
            String item = r.keyword();
            switch (item) {
                case "MESSAGES", "RECENT", "UIDNEXT", "UIDVALIDITY", "UNSEEN", "HIGHESTMODSEQ", "SIZE", "APPENDLIMIT" -> {
                    if (!items.contains(item)) {
                        items.add(item);
                    }
                }
                default -> throw new ParseException("Invalid status item " + item + ".");
            }
            if (r.consume(')')) {
                return items;
            }
            r.sp();
        }
    }

    /** {@code STATUS name (MESSAGES 3 ...)}, without the {@code * }. */
    static String response(MailboxSession mailboxes, String name, List<String> items, long appendLimit) throws StoreException {
        MailboxStatus status;
        try (Mailbox mailbox = mailboxes.open(name, true)) {
            status = mailbox.status();
        }
        List<String> parts = new ArrayList<>();
        for (String item : items) {
            if (item.equals("APPENDLIMIT")) {
                // RFC 7889: the largest message APPEND takes here, NIL for none.
                parts.add(item + " " + (appendLimit > 0 ? String.valueOf(appendLimit) : "NIL"));
                continue;
            }
            long value = switch (item) {
                case "MESSAGES" -> status.messages();
                case "RECENT" -> status.recent();
                case "UIDNEXT" -> status.uidNext();
                case "UIDVALIDITY" -> status.uidValidity();
                case "UNSEEN" -> status.unseen();
                case "HIGHESTMODSEQ" -> status.highestModSeq();
                case "SIZE" -> status.size();
                default -> throw new IllegalStateException(item);
            };
            parts.add(item + " " + value);
        }
        return "STATUS " + WireNames.astring(name) + " (" + String.join(" ", parts) + ")";
    }
}
