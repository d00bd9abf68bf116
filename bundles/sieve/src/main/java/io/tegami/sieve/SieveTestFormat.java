package io.tegami.sieve;

import io.tegami.api.sieve.SieveAction;
import io.tegami.api.sieve.SieveResult;
import java.util.List;

/**
 * Prints a result as Pigeonhole's {@code sieve-test} does on standard output: the "Performed
 * actions:" and "Implicit keep:" sections. Used by the corpus test and the console command.
 */
public final class SieveTestFormat {

    private SieveTestFormat() {
    }

    /**
     * The sieve-test standard output for a result, lines ending in LF; empty for a failed run,
     * whose error sieve-test prints on standard error (see {@link #formatError}).
     */
    public static String format(SieveResult result) {
        if (!result.succeeded()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nPerformed actions:\n\n");
        if (result.actions().isEmpty()) {
            out.append("  (none)\n");
        }
        for (SieveAction action : result.actions()) {
            item(out, action.describe());
        }
        out.append("\nImplicit keep:\n\n");
        if (result.implicitKeep()) {
            item(out, new SieveAction.Store("INBOX", result.keepFlags(), false, false).describe());
        } else {
            out.append("  (none)\n");
        }
        return out.append('\n').toString();
    }

    /** The error line sieve-test prints for a failed run: {@code NAME: line N: error: MESSAGE.} */
    public static String formatError(String scriptName, SieveResult result) {
        return scriptName + ": line " + result.errorLine() + ": error: " + result.error() + ".";
    }

    private static void item(StringBuilder out, List<String> lines) {
        out.append(" * ").append(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            out.append(line).append('\n');
        }
    }
}
