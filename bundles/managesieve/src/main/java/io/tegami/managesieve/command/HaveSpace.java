package io.tegami.managesieve.command;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.SieveSession;
import io.tegami.managesieve.session.Token;

/** HAVESPACE (RFC 5804 section 2.5): whether a script of that size would fit the quotas. */
public final class HaveSpace implements Command {

    @Override
    public boolean execute(SieveSession session, List<Token> args) {
        if (args.size() != 2 || !args.get(0).isString()) {
            return Args.refuse(session, "HAVESPACE", args.size() < 2 ? "Missing arguments."
                    : args.size() > 2 ? "Too many arguments." : "Invalid arguments.");
        }
        if (!args.get(1).atom() || args.get(1).text().isEmpty() || args.get(1).text().length() > 18
                || !args.get(1).text().chars().allMatch(Character::isDigit)) {
            session.reply(Responses.response("NO", null, "Invalid scriptsize argument."));
            return false;
        }
        String name = args.get(0).text();
        if (!Args.validName(session, "HAVESPACE", name)) {
            return true;
        }
        try {
            Optional<String[]> refusal = session.store().quota(name, Long.parseLong(args.get(1).text()));
            if (refusal.isPresent()) {
                session.reply(Responses.response("NO", refusal.get()[0], refusal.get()[1]));
                return true;
            }
        } catch (IOException e) {
            return Args.failed(session, "HAVESPACE", e);
        }
        session.reply(Responses.response("OK", null, "Putscript would succeed."));
        return true;
    }
}
