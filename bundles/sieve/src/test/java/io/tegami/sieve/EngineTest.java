package io.tegami.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveEnvelope;
import io.tegami.api.sieve.SieveLimits;
import io.tegami.api.sieve.SieveResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 5228 semantics: the section 9 example, implicit keep, duplicates, conflicts and limits. */
class EngineTest {

    @Test
    void rfc5228Section9Example() throws SieveCompileException {
        String script = """
                require ["fileinto"];
                if header :is "Sender" "owner-ietf-mtg@example.com" {
                    fileinto "filter";  # move to "filter" mailbox
                } elsif address :DOMAIN :is ["From", "To"] "example.com" {
                    keep;
                } elsif anyof (NOT address :all :contains ["To", "Cc", "Bcc"] "me@example.com",
                               header :matches "subject" ["*make*money*fast*", "*university*dipl*mas*"]) {
                    fileinto "spam";
                } else {
                    fileinto "personal";
                }
                """;
        assertEquals("store message in folder: spam;", Sieve.actions(script));
    }

    @Test
    void implicitKeepWhenNothingCancelsIt() throws SieveCompileException {
        assertEquals("implicit keep", Sieve.actions("if false { discard; }"));
        assertEquals("discard;", Sieve.actions("discard;"));
        assertEquals("store message in folder: INBOX;", Sieve.actions("keep;"));
    }

    @Test
    void stopEndsTheScript() throws SieveCompileException {
        assertEquals("implicit keep", Sieve.actions("stop; discard;"));
    }

    @Test
    void elsifChainTakesOneBranch() throws SieveCompileException {
        assertEquals("discard;", Sieve.actions("if false { keep; } elsif true { discard; } else { keep; }"));
        assertEquals("store message in folder: INBOX;",
                Sieve.actions("if false { discard; } elsif false { discard; } else { keep; }"));
    }

    @Test
    void duplicateActionsCollapse() throws SieveCompileException {
        assertEquals("store message in folder: INBOX;redirect message to: <a@example.com>;",
                Sieve.actions("keep; redirect \"a@example.com\"; redirect \"a@example.com\"; keep;"));
    }

    @Test
    void headerValuesAreMimeDecoded() throws SieveCompileException {
        SieveResult r = Sieve.run("if header :is \"subject\" \"Grüße\" { discard; }",
                "Subject: =?ISO-8859-1?Q?Gr=FC=DFe?=\n\nbody\n", SieveLimits.DEFAULT);
        assertFalse(r.implicitKeep());
    }

    @Test
    void sizeAndExists() throws SieveCompileException {
        assertEquals("discard;", Sieve.actions("if allof (size :over 100, size :under 1M, exists \"x-caffeine\") { discard; }"));
        assertEquals("implicit keep", Sieve.actions("if exists [\"x-caffeine\", \"x-none\"] { discard; }"));
    }

    @Test
    void comparators() throws SieveCompileException {
        assertEquals("implicit keep",
                Sieve.actions("if header :comparator \"i;octet\" :is \"x-caffeine\" \"c8h10n4o2\" { discard; }"));
        assertEquals("discard;", Sieve.actions("if header :is \"x-caffeine\" \"c8h10n4o2\" { discard; }"));
        assertEquals("discard;", Sieve.actions("require [\"relational\", \"comparator-i;ascii-numeric\"];"
                + "if header :value \"gt\" :comparator \"i;ascii-numeric\" \"x-spam-score\" \"9\" { discard; }"));
    }

    @Test
    void matchesWildcardsAndEscapes() throws SieveCompileException {
        assertEquals("discard;", Sieve.actions("if header :matches \"subject\" \"I have a ?resent*\" { discard; }"));
        assertEquals("implicit keep", Sieve.actions("if header :matches \"subject\" \"I have a \\\\?resent*\" { discard; }"));
    }

    @Test
    void envelopeWithNullSender() throws SieveCompileException {
        SieveResult r = Sieve.ENGINE.execute(Sieve.ENGINE.compile("t",
                "require \"envelope\"; if envelope :is \"from\" \"\" { discard; }"),
                new StringMessage(Sieve.MESSAGE), new SieveEnvelope("", "a@b.c", "a@b.c", ""), SieveLimits.DEFAULT);
        assertFalse(r.implicitKeep());
    }

    @Test
    void rejectConflictsWithFileinto() throws SieveCompileException {
        SieveResult r = Sieve.run("require [\"reject\", \"fileinto\"]; fileinto \"x\"; reject \"no\";");
        assertEquals("reject/ereject action conflicts with other action: the store action tries to deliver the message", r.error());
        assertEquals(1, r.errorLine());
        assertTrue(r.implicitKeep());
        assertTrue(r.actions().isEmpty());
    }

    @Test
    void redirectLimit() throws SieveCompileException {
        SieveResult r = Sieve.run("redirect \"a@x.org\"; redirect \"b@x.org\"; redirect \"c@x.org\";", Sieve.MESSAGE,
                new SieveLimits(32, 2, Duration.ZERO));
        assertEquals("number of redirect actions exceeds policy limit (3 > 2)", r.error());
        assertTrue(r.implicitKeep());
    }

    @Test
    void actionLimit() throws SieveCompileException {
        SieveResult r = Sieve.run("require \"fileinto\"; fileinto \"a\"; fileinto \"b\"; fileinto \"c\";",
                Sieve.MESSAGE, new SieveLimits(2, 4, Duration.ZERO));
        assertEquals("total number of actions exceeds policy limit (3 > 2)", r.error());
    }

    @Test
    void cpuTimeLimit() throws SieveCompileException {
        String slow = "if header :matches \"subject\" \"*a*b*c*d*e*f*g*h*z\" { keep; }\n".repeat(200);
        SieveResult r = Sieve.run(slow, Sieve.MESSAGE, new SieveLimits(32, 4, Duration.ofNanos(1)));
        assertEquals("execution exceeded CPU time limit", r.error());
    }

    @Test
    void extensionsListed() {
        assertTrue(Sieve.ENGINE.extensions().containsAll(java.util.List.of("fileinto", "envelope", "variables",
                "imap4flags", "copy", "relational", "subaddress", "reject", "ereject", "vacation", "regex")));
        assertFalse(Sieve.ENGINE.extensions().contains(""));
    }
}
