package io.tegami.managesieve.command;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import io.tegami.managesieve.script.ScriptStore;
import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.SieveSession;
import io.tegami.managesieve.session.Token;

/**
 * PUTSCRIPT (RFC 5804 section 2.6): the script is checked against the quotas, then compiled, and
 * stored only when it compiles; errors go back as Pigeonhole's ManageSieve gives them.
 */
public final class PutScript implements Command {

    @Override
    public boolean execute(SieveSession session, List<Token> args) {
        if (args.size() != 2 || !args.get(0).isString() || args.get(1).atom()) {
            return Args.refuse(session, "PUTSCRIPT", "Invalid arguments.");
        }
        String name = args.get(0).text();
        Token script = args.get(1);
        if (!Args.validName(session, "PUTSCRIPT", name)) {
            return true;
        }
        if (script.truncated()) {
            // Only when sieve_max_script_size is 0: the server's own ceiling.
            session.reply(Responses.response("NO", "QUOTA/MAXSIZE", "Script is too large."));
            return true;
        }
        ScriptStore store = session.store();
        String warnings;
        try {
            Optional<String[]> refusal = store.quota(name, script.size());
            if (refusal.isPresent()) {
                session.reply(Responses.response("NO", refusal.get()[0], refusal.get()[1]));
                return true;
            }
            warnings = ScriptCheck.compile(session, name, script.text());
            if (warnings == null) {
                return true;
            }
            store.write(name, script.text());
        } catch (IOException e) {
            return Args.failed(session, "PUTSCRIPT", e);
        }
        ScriptCheck.ok(session, warnings, "PUTSCRIPT completed.");
        return true;
    }
}
