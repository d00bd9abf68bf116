package io.tegami.imap.command;

import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;

/**
 * DELETE (RFC 3501 6.3.4). Deleting the selected mailbox closes it first, as Dovecot does, and
 * leaves the session in the authenticated state.
 */
public final class DeleteCommand implements ImapCommand {

    @Override
    public String name() {
        return "DELETE";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException, CommandException {
        var r = request.args();
        MailboxSession mailboxes = session.mailboxes();
        r.sp();
        String name = WireNames.read(r, mailboxes.delimiter());
        r.end();
        if (name.equals(MailboxSession.INBOX)) {
            return Result.no("[CANNOT] INBOX can't be deleted.");
        }
        if (session.selected() != null && session.selected().name().equals(name)) {
            session.deselect();
        }
        try {
            mailboxes.delete(name);
        } catch (StoreException e) {
            return StoreErrors.of(e, name);
        }
        return Result.ok("Delete completed.");
    }
}
