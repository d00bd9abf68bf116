package io.tegami.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tegami.api.sieve.SieveAction;
import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveEnvironment;
import io.tegami.api.sieve.SieveLimits;
import io.tegami.api.sieve.SieveResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** include (RFC 6609): scripts from the environment, scopes, globals, return, stop, loops. */
class IncludeTest {

    private static SieveResult run(String script, Map<String, String> personal, Map<String, String> global)
            throws SieveCompileException {
        SieveEnvironment env = new SieveEnvironment() {
            @Override
            public String includeScript(String name, boolean isGlobal) {
                return (isGlobal ? global : personal).get(name);
            }
        };
        return Sieve.ENGINE.execute(Sieve.ENGINE.compile("main", script), new StringMessage(Sieve.MESSAGE),
                Sieve.ENVELOPE, SieveLimits.DEFAULT, env);
    }

    private static String folders(SieveResult r) {
        StringBuilder sb = new StringBuilder();
        r.actions().forEach(a -> sb.append(((SieveAction.Store) a).folder()).append(' '));
        return r.succeeded() ? sb.toString().trim() : "error: " + r.error();
    }

    @Test
    void rfc6609Example() throws SieveCompileException {
        // Section 5 example (shortened): spam filtering shared as a global script.
        String main = "require [\"include\"];\ninclude :personal \"always_allow\";\ninclude :global \"spam_tests\";\n"
                + "include :personal \"spam_tests\";\ninclude :personal \"mailing_lists\";\n";
        SieveResult r = run(main, Map.of("always_allow", "require \"fileinto\"; if address :is \"from\" \"boss@example.com\" { keep; stop; }",
                "spam_tests", "require \"fileinto\"; if header :contains \"x-caffeine\" \"C8\" { fileinto \"Coffee\"; }",
                "mailing_lists", "require \"fileinto\"; if exists \"list-id\" { fileinto \"Lists\"; }"),
                Map.of("spam_tests", "require \"fileinto\"; if header :contains \"subject\" \"present\" { fileinto \"Spam\"; }"));
        assertEquals("Spam Coffee", folders(r));
    }

    @Test
    void globalsAreSharedLocalsAreNot() throws SieveCompileException {
        String main = "require [\"include\", \"variables\", \"fileinto\"];\nglobal \"test\";\nset \"test\" \"a\";\n"
                + "set \"local\" \"l\";\ninclude \"sub\";\nfileinto \"${test}-${local}-${global.other}\";";
        SieveResult r = run(main, Map.of("sub", "require [\"include\", \"variables\", \"fileinto\"];\nglobal [\"test\", \"other\"];\n"
                + "fileinto \"sub-${test}-${local}\";\nset \"test\" \"b\";\nset \"other\" \"o\";"), Map.of());
        assertEquals("sub-a- b-l-o", folders(r));
    }

    @Test
    void returnEndsOnlyTheIncludedScriptAndStopEndsAll() throws SieveCompileException {
        String main = "require [\"include\", \"fileinto\"];\ninclude \"r\";\nfileinto \"after\";\ninclude \"s\";\nfileinto \"never\";";
        SieveResult r = run(main, Map.of("r", "require [\"include\", \"fileinto\"]; return; fileinto \"no\";",
                "s", "require \"fileinto\"; fileinto \"s\"; stop;"), Map.of());
        assertEquals("after s", folders(r));
    }

    @Test
    void onceOptionalMissingAndLoops() throws SieveCompileException {
        assertEquals("x", folders(run("require \"include\"; include :once \"a\"; include :once \"a\"; include :optional \"none\";",
                Map.of("a", "require \"fileinto\"; fileinto \"x\";"), Map.of())));
        assertEquals("error: included personal script 'none' does not exist",
                folders(run("require \"include\"; include \"none\";", Map.of(), Map.of())));
        assertEquals("error: circular include of personal script 'a'",
                folders(run("require \"include\"; include \"a\";", Map.of("a", "require \"include\"; include \"a\";"), Map.of())));
    }
}
