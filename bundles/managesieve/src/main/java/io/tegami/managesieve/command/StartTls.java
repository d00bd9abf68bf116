package io.tegami.managesieve.command;

import java.util.List;

import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.SieveSession;
import io.tegami.managesieve.session.Token;

/**
 * STARTTLS (RFC 5804 section 2.2): {@code OK}, then the handshake; the session sends the
 * capabilities again once TLS is in place.
 */
public final class StartTls implements Command {

    @Override
    public boolean execute(SieveSession session, List<Token> args) {
        if (!args.isEmpty()) {
            session.reply(Responses.response("NO", null, "Error in STARTTLS command: Wrong number of arguments."));
            return false;
        }
        if (session.connection().isSecure()) {
            session.reply(Responses.response("NO", null, "TLS is already active."));
            return false;
        }
        if (!session.connection().canStartTls()) {
            session.reply(Responses.response("NO", null, "TLS support isn't enabled."));
            return false;
        }
        session.reply(Responses.response("OK", null, "Begin TLS negotiation now."));
        session.startTls();
        return true;
    }

    @Override
    public boolean authenticatedOnly() {
        return false;
    }

    @Override
    public boolean unauthenticatedOnly() {
        return true;
    }
}
