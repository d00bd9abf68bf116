package io.tegami.managesieve.command;

import java.util.List;

import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.SieveSession;
import io.tegami.managesieve.session.Token;

/** CHECKSCRIPT (RFC 5804 section 2.12): PUTSCRIPT's checks without storing. */
public final class CheckScript implements Command {

    @Override
    public boolean execute(SieveSession session, List<Token> args) {
        if (args.size() != 1 || args.get(0).atom()) {
            return Args.refuse(session, "CHECKSCRIPT", "Invalid arguments.");
        }
        long max = session.settings().maxScriptSize();
        if (args.get(0).truncated() || (max > 0 && args.get(0).size() > max)) {
            session.reply(Responses.response("NO", "QUOTA/MAXSIZE", "Script is too large (max " + max + " bytes)."));
            return true;
        }
        String warnings = ScriptCheck.compile(session, null, args.get(0).text());
        if (warnings != null) {
            ScriptCheck.ok(session, warnings, "Script checked successfully.");
        }
        return true;
    }
}
