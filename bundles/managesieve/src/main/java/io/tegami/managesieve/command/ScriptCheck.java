package io.tegami.managesieve.command;

import java.util.stream.Collectors;

import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveEngine;
import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.SieveSession;

/**
 * Compiles a script with the {@link SieveEngine} before it is stored, checked or activated, and
 * answers a broken one as Pigeonhole's ManageSieve does: {@code NO} with the errors, one per line
 * ({@code line 2: error: unknown command 'fileinto'.}).
 */
final class ScriptCheck {

    private ScriptCheck() {
    }

    /** True when the script compiles; otherwise the {@code NO} has been written. */
    static boolean compiles(SieveSession session, String name, String text) {
        SieveEngine engine = session.services().engine();
        if (engine == null) {
            session.reply(Responses.response("NO", "TRYLATER", "Sieve engine unavailable."));
            return false;
        }
        try {
            engine.compile(name, text);
            return true;
        } catch (SieveCompileException e) {
            String errors = e.errors().stream()
                    .map(err -> "line " + err.line() + ": error: " + err.message() + ".")
                    .collect(Collectors.joining("\r\n"));
            session.reply(Responses.response("NO", null, errors.isEmpty() ? "Script is invalid." : errors));
            return false;
        } catch (RuntimeException e) {
            // An engine bug must not end the session.
            session.reply(Responses.response("NO", null, "Script could not be compiled: " + e.getClass().getSimpleName()));
            return false;
        }
    }
}
