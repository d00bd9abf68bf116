package io.tegami.imap.command;

import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;

/**
 * CREATE (RFC 3501 6.3.3): a trailing delimiter only says the client means to create children
 * and is dropped; missing parents are created too. CREATE INBOX fails with ALREADYEXISTS.
 */
public final class CreateCommand implements ImapCommand {

    @Override
    public String name() {
        return "CREATE";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException, CommandException {
        var r = request.args();
        MailboxSession mailboxes = session.mailboxes();
        char delimiter = mailboxes.delimiter();
        r.sp();
        String name = WireNames.read(r, delimiter);
        r.end();
        if (name.length() > 1 && name.charAt(name.length() - 1) == delimiter) {
            name = name.substring(0, name.length() - 1);
        }
        try {
            mailboxes.create(name);
        } catch (StoreException e) {
            return StoreErrors.of(e, name);
        }
        return Result.ok("Create completed.");
    }
}
