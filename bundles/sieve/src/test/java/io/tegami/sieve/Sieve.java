package io.tegami.sieve;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveEnvelope;
import io.tegami.api.sieve.SieveLimits;
import io.tegami.api.sieve.SieveMessage;
import io.tegami.api.sieve.SieveResult;

/** Test helper: compile and run scripts with every bundled extension. */
final class Sieve {

    static final SieveEngineImpl ENGINE = SieveEngineImpl.withBundledExtensions();

    static final String MESSAGE = """
            Return-Path: <coyote@desert.example.org>
            From: coyote@desert.example.org
            To: roadrunner+friends@acme.example.com
            Cc: "Sam" <sam@acme.example.com>
            Subject: I have a present for you
            X-Caffeine: C8H10N4O2
            X-Spam-Score: 12
            Date: Tue, 1 Apr 1997 09:06:31 -0800

            Look, I'm sorry about the whole anvil thing, and I really
            didn't mean to try and drop it on you from the top of the
            cliff.  I want to try to make it up to you.
            """;

    static final SieveEnvelope ENVELOPE = new SieveEnvelope("coyote@desert.example.org",
            "roadrunner+friends@acme.example.com", "roadrunner+friends@acme.example.com", "roadrunner");

    private Sieve() {
    }

    static SieveResult run(String script) throws SieveCompileException {
        return run(script, MESSAGE, SieveLimits.DEFAULT);
    }

    static SieveResult run(String script, String message, SieveLimits limits) throws SieveCompileException {
        SieveMessage m = new StringMessage(message);
        return ENGINE.execute(ENGINE.compile("test", script), m, ENVELOPE, limits);
    }

    /** The sieve-test form of the result, for compact assertions. */
    static String actions(String script) throws SieveCompileException {
        SieveResult r = run(script);
        if (!r.succeeded()) {
            return "error: " + r.error();
        }
        StringBuilder sb = new StringBuilder();
        r.actions().forEach(a -> sb.append(String.join("|", a.describe())).append(';'));
        return sb.append(r.implicitKeep() ? "implicit keep" + (r.keepFlags().isEmpty() ? "" : " " + r.keepFlags())
                : "").toString();
    }

    /** The error text ({@code line:column: message}) compiling the script gives. */
    static String error(String script) {
        return assertThrows(SieveCompileException.class, () -> ENGINE.compile("test", script)).errors().get(0)
                .toString();
    }
}
