package io.tegami.imap.command;

import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;

/**
 * RENAME (RFC 3501 6.3.5): children move along; renaming INBOX moves its messages into the new
 * folder and leaves INBOX empty (the store implements both). A selected mailbox that is renamed
 * (or INBOX emptied) is closed first, and the session is in the authenticated state afterwards,
 * as when it is deleted.
 */
public final class RenameCommand implements ImapCommand {

    @Override
    public String name() {
        return "RENAME";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException, CommandException {
        var r = request.args();
        MailboxSession mailboxes = session.mailboxes();
        char delimiter = mailboxes.delimiter();
        r.sp();
        String from = WireNames.read(r, delimiter);
        r.sp();
        String to = WireNames.read(r, delimiter);
        r.end();
        if (to.equals(MailboxSession.INBOX)) {
            return Result.no("[ALREADYEXISTS] Mailbox already exists");
        }
        var selected = session.selected();
        if (selected != null && (selected.name().equals(from) || selected.name().startsWith(from + delimiter))) {
            session.deselect();
        }
        try {
            mailboxes.rename(from, to);
        } catch (StoreException e) {
            return StoreErrors.of(e, from);
        }
        return Result.ok("Rename completed.");
    }
}
