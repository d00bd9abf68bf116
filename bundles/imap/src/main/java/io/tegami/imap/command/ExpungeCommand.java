package io.tegami.imap.command;

import java.util.List;

import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;
import io.tegami.imap.session.SelectedMailbox;

/**
 * EXPUNGE (RFC 3501 6.4.3) and UID EXPUNGE (RFC 4315): removes the {@code \Deleted} messages
 * (of the UID set) and announces them, together with expunges by other sessions held back so far.
 */
public final class ExpungeCommand implements ImapCommand {

    private final boolean byUid;

    private ExpungeCommand(boolean byUid) {
        this.byUid = byUid;
    }

    public static ExpungeCommand expunge() {
        return new ExpungeCommand(false);
    }

    public static ExpungeCommand uidExpunge() {
        return new ExpungeCommand(true);
    }

    @Override
    public String name() {
        return byUid ? "UID EXPUNGE" : "EXPUNGE";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException, StoreException {
        var r = request.args();
        SelectedMailbox selected = session.selected();
        List<Long> uids = null;
        if (byUid) {
            r.sp();
            uids = selected.resolve(r.sequenceSet(), true);
        }
        r.end();
        if (selected.readOnly()) {
            return Result.no("[CANNOT] Mailbox is read-only.");
        }
        List<Long> removed = byUid ? selected.mailbox().expunge(uids) : selected.mailbox().expunge();
        session.stats().expunged(removed.size());
        selected.expunged(removed, session.out(), session.syncOptions(true, byUid));
        if (session.isEnabled(ImapSession.Extension.QRESYNC)) {
            // RFC 7162 3.2.10: the mod-sequence the expunge brought the mailbox to.
            return Result.ok("[HIGHESTMODSEQ " + selected.mailbox().highestModSeq() + "] Expunge completed.");
        }
        return Result.ok("Expunge completed.");
    }
}
