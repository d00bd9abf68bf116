package io.tegami.imap.command;

import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;
import io.tegami.imap.session.SelectedMailbox;

/**
 * CLOSE (RFC 3501 6.4.2) and UNSELECT (RFC 3691): back to the authenticated state; CLOSE first
 * removes the {@code \Deleted} messages of a read-write mailbox, without EXPUNGE responses.
 */
public final class CloseCommand implements ImapCommand {

    private final boolean expunge;

    private CloseCommand(boolean expunge) {
        this.expunge = expunge;
    }

    public static CloseCommand close() {
        return new CloseCommand(true);
    }

    public static CloseCommand unselect() {
        return new CloseCommand(false);
    }

    @Override
    public String name() {
        return expunge ? "CLOSE" : "UNSELECT";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException, StoreException {
        request.args().end();
        SelectedMailbox selected = session.selected();
        if (expunge && !selected.readOnly()) {
            try {
                session.stats().expunged(selected.mailbox().expunge().size());
            } finally {
                session.deselect();
            }
        } else {
            session.deselect();
        }
        return Result.ok(expunge ? "Close completed." : "Unselect completed.");
    }
}
