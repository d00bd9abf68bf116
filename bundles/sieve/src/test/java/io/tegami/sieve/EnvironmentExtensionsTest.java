package io.tegami.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tegami.api.sieve.FakeSieveEnvironment;
import io.tegami.api.sieve.SieveAction;
import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveLimits;
import io.tegami.api.sieve.SieveResult;
import io.tegami.api.sieve.SieveScript;
import org.junit.jupiter.api.Test;

/** mailbox (RFC 5490) and duplicate (RFC 7352), which ask the delivery agent's environment. */
class EnvironmentExtensionsTest {

    private final FakeSieveEnvironment env = new FakeSieveEnvironment();

    private SieveResult run(SieveScript script, String message) {
        return Sieve.ENGINE.execute(script, new StringMessage(message), Sieve.ENVELOPE, SieveLimits.DEFAULT, env);
    }

    @Test
    void mailboxexistsAndCreate() throws SieveCompileException {
        SieveScript s = Sieve.ENGINE.compile("t", "require [\"mailbox\", \"fileinto\"];\n"
                + "if mailboxexists [\"Lists\", \"Work\"] { fileinto \"Work\"; } else { fileinto :create \"New\"; }");
        env.mailboxes.add("Lists");
        assertEquals(new SieveAction.Store("New", java.util.List.of(), true, false), run(s, Sieve.MESSAGE).actions().get(0));
        env.mailboxes.add("Work");
        assertEquals("store message in folder: Work", run(s, Sieve.MESSAGE).actions().get(0).describe().get(0));
    }

    @Test
    void duplicateRfc7352Example() throws SieveCompileException {
        SieveScript s = Sieve.ENGINE.compile("t", "require \"duplicate\";\nif duplicate { discard; }");
        String message = "Message-ID: <abc@example.com>\nSubject: x\n\nbody\n";
        assertTrue(run(s, message).implicitKeep(), "first delivery is kept");
        assertFalse(run(s, message).implicitKeep(), "second one is a duplicate");
        assertTrue(run(s, "Message-ID: <other@example.com>\n\nx\n").implicitKeep());
    }

    @Test
    void duplicateNotMarkedWhenRunFails() throws SieveCompileException {
        SieveScript s = Sieve.ENGINE.compile("t", "require [\"duplicate\", \"reject\", \"fileinto\"];\n"
                + "if duplicate :handle \"h\" :uniqueid \"u\" :seconds 60 { discard; }\nfileinto \"a\"; reject \"x\";");
        assertFalse(run(s, Sieve.MESSAGE).succeeded());
        assertTrue(env.marked.isEmpty());
    }

    @Test
    void duplicateHeaderAndUniqueidExclusive() {
        assertEquals("2:4: the duplicate test cannot have both :header and :uniqueid",
                Sieve.error("require \"duplicate\";\nif duplicate :header \"x\" :uniqueid \"y\" { keep; }"));
    }
}
