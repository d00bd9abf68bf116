package io.tegami.imap.command;

import java.util.List;

import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;
import io.tegami.imap.session.ImapSession.Extension;

/** STATUS (RFC 3501 6.3.10). */
public final class StatusCommand implements ImapCommand {

    @Override
    public String name() {
        return "STATUS";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException, CommandException {
        var r = request.args();
        MailboxSession mailboxes = session.mailboxes();
        r.sp();
        String name = WireNames.read(r, mailboxes.delimiter());
        r.sp();
        List<String> items = StatusItems.parse(r);
        r.end();
        if (items.contains("HIGHESTMODSEQ")) {
            session.enable(Extension.CONDSTORE); // RFC 7162 3.1: a CONDSTORE-enabling command
        }
        try {
            session.out().untagged(StatusItems.response(mailboxes, name, items, session.settings().appendLimit()));
        } catch (StoreException e) {
            return StoreErrors.of(e, name);
        }
        return Result.ok("Status completed.");
    }
}
