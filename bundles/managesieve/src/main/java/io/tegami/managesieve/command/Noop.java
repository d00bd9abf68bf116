package io.tegami.managesieve.command;

import java.util.List;

import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.SieveSession;
import io.tegami.managesieve.session.Token;

/** NOOP (RFC 5804 section 2.13): {@code OK}, echoing the optional string in a {@code TAG} code. */
public final class Noop implements Command {

    @Override
    public boolean execute(SieveSession session, List<Token> args) {
        if (args.size() > 1) {
            return Args.refuse(session, "NOOP", "Too many arguments.");
        }
        if (args.size() == 1 && !args.get(0).isString()) {
            session.reply(Responses.response("NO", null, "Invalid echo tag."));
            return false;
        }
        String code = args.isEmpty() ? null : "TAG " + Responses.string(args.get(0).text());
        session.reply(Responses.response("OK", code, "NOOP completed."));
        return true;
    }

    @Override
    public boolean authenticatedOnly() {
        return false;
    }
}
