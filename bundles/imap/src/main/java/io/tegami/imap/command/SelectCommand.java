package io.tegami.imap.command;

import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;
import io.tegami.imap.session.ImapSession.Extension;
import io.tegami.imap.session.SelectedMailbox;

/**
 * SELECT and EXAMINE (RFC 3501 6.3.1, 6.3.2) with RFC 7162's {@code (CONDSTORE)} parameter:
 * FLAGS, EXISTS, RECENT, UNSEEN, PERMANENTFLAGS, UIDVALIDITY, UIDNEXT and HIGHESTMODSEQ, then
 * {@code [READ-WRITE]} or {@code [READ-ONLY]}. A mailbox selected before is closed first, also
 * when the new one cannot be opened (the session is then in the authenticated state).
 */
public final class SelectCommand implements ImapCommand {

    private final boolean readOnly;

    private SelectCommand(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public static SelectCommand select() {
        return new SelectCommand(false);
    }

    public static SelectCommand examine() {
        return new SelectCommand(true);
    }

    @Override
    public String name() {
        return readOnly ? "EXAMINE" : "SELECT";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException, CommandException {
        var r = request.args();
        MailboxSession mailboxes = session.mailboxes();
        r.sp();
        String name = WireNames.read(r, mailboxes.delimiter());
        Qresync qresync = null;
        if (r.optionalSp()) {
            r.expect('(');
            while (true) {
                String param = r.keyword();
                if (param.equals("CONDSTORE")) {
                    session.enable(Extension.CONDSTORE);
                } else if (param.equals("QRESYNC")) {
                    if (!session.isEnabled(Extension.QRESYNC)) {
                        throw new ParseException("QRESYNC is not enabled.");
                    }
                    r.sp();
                    qresync = Qresync.parse(r);
                } else {
                    throw new ParseException("Unknown " + name() + " parameter " + param + ".");
                }
                if (r.consume(')')) {
                    break;
                }
                r.sp();
            }
        }
        r.end();
        boolean wasSelected = session.selected() != null;
        session.deselect();
        if (wasSelected && session.isEnabled(Extension.QRESYNC)) {
            session.out().untagged("OK [CLOSED] Previous mailbox closed.");
        }
        Mailbox mailbox = null;
        SelectedMailbox selected;
        long uidValidity;
        long highestNow = 0;
        try {
            mailbox = mailboxes.open(name, readOnly);
            selected = SelectedMailbox.open(mailbox, name);
            uidValidity = mailbox.uidValidity();
            if (qresync != null && qresync.uidValidity() == uidValidity) {
                highestNow = mailbox.highestModSeq(); // after the snapshot: covers what it lacks
            }
        } catch (StoreException e) {
            if (mailbox != null) {
                mailbox.close();
            }
            return StoreErrors.of(e, name);
        }
        var out = session.out();
        selected.writeFlags(out);
        out.untagged(selected.size() + " EXISTS");
        out.untagged(selected.recentCount() + " RECENT");
        int unseen = firstUnseen(selected);
        if (unseen > 0) {
            out.untagged("OK [UNSEEN " + unseen + "] First unseen.");
        }
        out.untagged("OK [UIDVALIDITY " + uidValidity + "] UIDs valid");
        out.untagged("OK [UIDNEXT " + selected.uidNext() + "] Predicted next UID");
        out.untagged("OK [HIGHESTMODSEQ " + selected.highestModSeqAtOpen() + "] Highest");
        if (qresync != null && qresync.uidValidity() == uidValidity) {
            qresync.resync(selected, highestNow, out);
        }
        session.select(selected);
        return Result.ok((selected.readOnly() ? "[READ-ONLY]" : "[READ-WRITE]") + " " + (readOnly ? "Examine" : "Select")
                + " completed.");
    }

    private static int firstUnseen(SelectedMailbox selected) {
        for (int seq = 1; seq <= selected.size(); seq++) {
            if (!selected.info(selected.uidAt(seq)).flags().contains("\\Seen")) {
                return seq;
            }
        }
        return 0;
    }
}
