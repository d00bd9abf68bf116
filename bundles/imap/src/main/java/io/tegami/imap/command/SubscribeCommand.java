package io.tegami.imap.command;

import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;

/** SUBSCRIBE and UNSUBSCRIBE (RFC 3501 6.3.6, 6.3.7); the name need not exist. */
public final class SubscribeCommand implements ImapCommand {

    private final boolean subscribe;

    private SubscribeCommand(boolean subscribe) {
        this.subscribe = subscribe;
    }

    public static SubscribeCommand subscribe() {
        return new SubscribeCommand(true);
    }

    public static SubscribeCommand unsubscribe() {
        return new SubscribeCommand(false);
    }

    @Override
    public String name() {
        return subscribe ? "SUBSCRIBE" : "UNSUBSCRIBE";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException, CommandException {
        var r = request.args();
        MailboxSession mailboxes = session.mailboxes();
        r.sp();
        String name = WireNames.read(r, mailboxes.delimiter());
        r.end();
        try {
            if (subscribe) {
                mailboxes.subscribe(name);
            } else {
                mailboxes.unsubscribe(name);
            }
        } catch (StoreException e) {
            return StoreErrors.of(e, name);
        }
        return Result.ok(subscribe ? "Subscribe completed." : "Unsubscribe completed.");
    }
}
