package io.tegami.managesieve.command;

import java.util.stream.Collectors;

import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveEngine;
import io.tegami.api.sieve.SieveError;
import io.tegami.api.sieve.SieveScript;
import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.SieveSession;

/**
 * Compiles a script with the {@link SieveEngine} before it is stored, checked or activated, and
 * answers as Pigeonhole's ManageSieve does: a broken script gets {@code NO} and a literal with
 * each error ({@code bad: line 2: error: unknown command 'foo'.}) and the stage that failed
 * ({@code bad: error: validation failed.}); a script with warnings is accepted with
 * {@code OK (WARNINGS)} and a literal of them. For PUTSCRIPT and SETACTIVE each line starts with
 * the script's name; CHECKSCRIPT's script has none.
 */
final class ScriptCheck {

    private ScriptCheck() {
    }

    /**
     * The warnings to report ({@code ""} for none) when the script compiles; null when it does
     * not, the {@code NO} then written.
     *
     * @param name the script's name, or null for CHECKSCRIPT's unnamed script
     */
    static String compile(SieveSession session, String name, String text) {
        SieveEngine engine = session.services().engine();
        if (engine == null) {
            session.reply(Responses.response("NO", "TRYLATER", "Sieve engine unavailable."));
            return null;
        }
        String prefix = name == null ? "" : name + ": ";
        try {
            SieveScript script = engine.compile(name == null ? "checkscript" : name, text);
            return script.warnings().stream()
                    .map(w -> prefix + "line " + w.line() + ": warning: " + w.message() + ".\r\n")
                    .collect(Collectors.joining());
        } catch (SieveCompileException e) {
            StringBuilder sb = new StringBuilder();
            for (SieveError err : e.errors()) {
                sb.append(prefix).append("line ").append(err.line()).append(": error: ").append(err.message())
                        .append(".\r\n");
            }
            sb.append(prefix).append("error: ").append(e.parseFailure() ? "parse" : "validation").append(" failed.\r\n");
            session.reply(Responses.response("NO", null, sb.toString()));
            return null;
        } catch (RuntimeException e) {
            // An engine bug must not end the session.
            session.reply(Responses.response("NO", null, "Script could not be compiled: " + e.getClass().getSimpleName()));
            return null;
        }
    }

    /** {@code OK} with {@code text}, or {@code OK (WARNINGS)} and the warnings when there are some. */
    static void ok(SieveSession session, String warnings, String text) {
        session.reply(warnings.isEmpty() ? Responses.response("OK", null, text)
                : Responses.response("OK", "WARNINGS", warnings));
    }
}
