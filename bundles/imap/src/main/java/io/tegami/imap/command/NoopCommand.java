package io.tegami.imap.command;

import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;

/**
 * NOOP (RFC 3501 6.1.2) and CHECK (6.4.1): both look for changes made by other processes, so the
 * untagged updates that follow are current. CHECK has nothing to flush: every change is durable
 * when its command completes.
 */
public final class NoopCommand implements ImapCommand {

    private final String name;

    private NoopCommand(String name) {
        this.name = name;
    }

    public static NoopCommand noop() {
        return new NoopCommand("NOOP");
    }

    public static NoopCommand check() {
        return new NoopCommand("CHECK");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException, StoreException {
        request.args().end();
        if (session.selected() != null) {
            session.selected().mailbox().refresh();
        }
        return Result.ok(name.equals("NOOP") ? "NOOP completed." : "Check completed.");
    }
}
