package io.tegami.managesieve.command;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import io.tegami.managesieve.script.ScriptStore;
import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.SieveSession;
import io.tegami.managesieve.session.Token;

/**
 * SETACTIVE (RFC 5804 section 2.8): makes a script the active one (checked first, as Pigeonhole
 * does, so that delivery never runs a broken script); the empty name deactivates.
 */
public final class SetActive implements Command {

    @Override
    public boolean execute(SieveSession session, List<Token> args) {
        List<String> a = Args.strings(session, "SETACTIVE", args, 1);
        if (a == null) {
            return false;
        }
        String name = a.get(0);
        ScriptStore store = session.store();
        String warnings = "";
        try {
            if (name.isEmpty()) {
                boolean wasActive = store.active().isPresent();
                store.deactivate();
                session.reply(Responses.response("OK", null,
                        wasActive ? "Active script is now deactivated." : "No scripts currently active."));
                return true;
            }
            if (!Args.validName(session, "SETACTIVE", name)) {
                return true;
            }
            Optional<String> text = store.read(name);
            if (text.isEmpty()) {
                Args.nonexistent(session, name);
                return true;
            }
            if (session.services().engine() != null) {
                warnings = ScriptCheck.compile(session, name, text.get());
                if (warnings == null) {
                    return true;
                }
            }
            store.activate(name);
        } catch (IOException e) {
            return Args.failed(session, "SETACTIVE", e);
        }
        ScriptCheck.ok(session, warnings, "Setactive completed.");
        return true;
    }
}
