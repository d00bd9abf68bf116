package io.tegami.managesieve.command;

import java.util.List;

import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.SieveSession;
import io.tegami.managesieve.session.Token;

/** UNAUTHENTICATE (RFC 5804 section 2.14): back to the non-authenticated state. */
public final class Unauthenticate implements Command {

    @Override
    public boolean execute(SieveSession session, List<Token> args) {
        if (!args.isEmpty()) {
            session.reply(Responses.response("NO", null, "Error in UNAUTHENTICATE command: Wrong number of arguments."));
            return false;
        }
        session.unauthenticate();
        session.reply(Responses.response("OK", null, "Unauthenticate completed."));
        return true;
    }
}
