package io.tegami.managesieve.command;

import java.util.List;

import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.SieveSession;
import io.tegami.managesieve.session.Token;

/** LOGOUT (RFC 5804 section 2.3): {@code OK}, then the server closes the connection. */
public final class Logout implements Command {

    @Override
    public boolean execute(SieveSession session, List<Token> args) {
        session.reply(Responses.response("OK", null, "Logout completed."));
        session.finish(session.userName() == null ? "Aborted login" : "Disconnected: Logged out");
        return true;
    }

    @Override
    public boolean authenticatedOnly() {
        return false;
    }
}
