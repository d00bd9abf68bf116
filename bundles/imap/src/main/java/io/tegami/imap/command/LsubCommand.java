package io.tegami.imap.command;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tegami.api.store.MailboxInfo;
import io.tegami.api.store.MailboxNames;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.ImapStrings;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;

/**
 * LSUB (RFC 3501 6.3.9): the subscribed names that match; with {@code %}, a level whose children
 * are subscribed but which is not itself is listed {@code \Noselect}, as the RFC requires.
 */
public final class LsubCommand implements ImapCommand {

    @Override
    public String name() {
        return "LSUB";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException, CommandException, StoreException {
        var r = request.args();
        MailboxSession mailboxes = session.mailboxes();
        char delimiter = mailboxes.delimiter();
        r.sp();
        String reference = WireNames.decode(r.astring());
        r.sp();
        String pattern = WireNames.decode(r.listMailbox());
        r.end();
        String quotedDelimiter = ImapStrings.quote(String.valueOf(delimiter));
        if (pattern.isEmpty()) {
            session.out().untagged("LSUB (\\Noselect) " + quotedDelimiter + " \"\"");
            return Result.ok("Lsub completed.");
        }
        MailboxPattern p = MailboxPattern.of(reference, pattern, delimiter);
        if (p == null) {
            throw new ParseException("Mailbox pattern too long.");
        }
        List<String> subscribed = mailboxes.subscriptions();
        Map<String, MailboxInfo> existing = new HashMap<>();
        for (MailboxInfo info : mailboxes.list()) {
            existing.put(info.name(), info);
        }
        Set<String> written = new LinkedHashSet<>();
        for (String name : subscribed) {
            if (p.matches(name) && written.add(name)) {
                MailboxInfo info = existing.get(name);
                boolean noselect = info != null && !info.selectable();
                session.out().untagged("LSUB (" + (noselect ? "\\Noselect" : "") + ") " + quotedDelimiter + " "
                        + WireNames.astring(name));
            }
        }
        for (String name : subscribed) {
            if (p.matches(name)) {
                continue; // listed itself; its parents are not needed
            }
            for (String parent : MailboxNames.parents(name, delimiter)) {
                if (!subscribed.contains(parent) && p.matches(parent) && written.add(parent)) {
                    session.out().untagged("LSUB (\\Noselect) " + quotedDelimiter + " " + WireNames.astring(parent));
                }
            }
        }
        return Result.ok("Lsub completed.");
    }
}
