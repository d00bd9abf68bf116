package io.tegami.imap.command;

import java.nio.charset.StandardCharsets;

import io.tegami.api.net.Line;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;
import io.tegami.imap.session.LineDialog;

/**
 * IDLE (RFC 2177): {@code + idling}, then the selected mailbox's changes as they happen (mail
 * delivered by SMTP included: the store tells every open handle), until the client sends
 * {@code DONE}. The session's inactivity timeout still applies, as the RFC expects (clients
 * re-issue IDLE within 29 minutes).
 */
public final class IdleCommand implements ImapCommand {

    @Override
    public String name() {
        return "IDLE";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException {
        request.args().end();
        session.out().continuation("idling");
        Done dialog = new Done(session, request.tag(), this);
        session.beginDialog(dialog);
        session.startIdle();
        session.out().flush();
        return Result.PENDING;
    }

    /** Waits for DONE. */
    private static final class Done implements LineDialog {

        private final ImapSession session;
        private final String tag;
        private final ImapCommand command;
        private boolean junk;

        Done(ImapSession session, String tag, ImapCommand command) {
            this.session = session;
            this.tag = tag;
            this.command = command;
        }

        @Override
        public boolean lineReceived(Line line) {
            if (line.isFragment()) {
                junk = true;
                return false;
            }
            session.stopIdle();
            String text = new String(line.bytes(), StandardCharsets.US_ASCII).strip();
            Result result = !junk && text.equalsIgnoreCase("DONE") ? Result.ok("Idle completed.") : Result.bad("Expected DONE.");
            CommandDispatcher.complete(session, tag, result, command);
            return true;
        }

        @Override
        public void abort() {
            session.stopIdle();
        }
    }
}
