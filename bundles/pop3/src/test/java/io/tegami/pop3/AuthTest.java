package io.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.testing.FakeMechanism;
import io.tegami.pop3.auth.ApopTestAccess;

/** USER/PASS, AUTH (RFC 5034, initial responses included) and APOP, with Dovecot's replies. */
class AuthTest {

    private static final String FAILED = "-ERR [AUTH] Authentication failed.\r\n";

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void wrongPasswordIsDelayedByThePenaltyAndTheSessionGoesOn() {
        Pop3Harness h = new Pop3Harness();
        h.penalty.delay = Duration.ofMillis(300);
        h.start();
        h.send("USER alice");
        assertEquals(FAILED, h.send("PASS wrong"));
        assertEquals(java.util.List.of(Duration.ofMillis(300)), h.connection.delays(), "held for the penalty, by a timer");
        assertEquals(1, h.penalty.failures.size());
        assertEquals("127.0.0.1", h.penalty.failures.get(0).getHostAddress());
        assertEquals("-ERR No username given.\r\n", h.send("PASS secret"), "USER is forgotten after PASS");
        h.send("USER nobody");
        assertEquals(FAILED, h.send("PASS secret"), "an unknown user looks the same");
        h.send("USER alice");
        assertEquals("+OK Logged in.\r\n", h.send("PASS secret"));
        assertEquals(1, h.penalty.successes.size());
    }

    @Test
    void withoutPenaltyServiceFailuresWaitTwoSeconds() {
        Pop3Harness h = new Pop3Harness();
        h.handler.bind(h.params, h.users, null);
        h.start();
        h.send("USER alice");
        assertEquals(FAILED, h.send("PASS wrong"));
        assertEquals(java.util.List.of(Duration.ofSeconds(2)), h.connection.delays());
    }

    @Test
    void passWithoutUser() {
        Pop3Harness h = new Pop3Harness();
        h.start();
        assertEquals("-ERR No username given.\r\n", h.send("PASS secret"));
    }

    @Test
    void passwordsMayContainSpaces() {
        Pop3Harness h = new Pop3Harness();
        h.users.plain("carol", " two words ");
        h.start();
        h.send("USER carol");
        assertEquals("+OK Logged in.\r\n", h.send("PASS  two words "));
    }

    @Test
    void directoryTroubleIsTemporary() {
        Pop3Harness h = new Pop3Harness();
        h.users.failing(true);
        h.start();
        h.send("USER alice");
        assertEquals("-ERR [SYS/TEMP] Temporary authentication failure.\r\n", h.send("PASS secret"));
        assertTrue(h.penalty.failures.isEmpty(), "no penalty for our own trouble");
        h.handler.bind(h.params, null, h.penalty);
        h.send("USER alice");
        assertEquals("-ERR [SYS/TEMP] Temporary authentication failure.\r\n", h.send("PASS secret"));
        assertEquals("-ERR [SYS/TEMP] Temporary authentication failure.\r\n", h.send("AUTH PLAIN " + b64("\0alice\0secret")));
    }

    @Test
    void authPlainWithInitialResponse() {
        Pop3Harness h = new Pop3Harness();
        h.start();
        assertEquals("+OK Logged in.\r\n", h.send("AUTH PLAIN " + b64("\0alice\0secret")));
        assertEquals("pop3", h.plain.contexts.get(0).protocol());
        assertArrayEquals(new byte[13], h.plain.responses.get(0), "the response is wiped after use");
    }

    @Test
    void authPlainWithoutInitialResponseGetsAnEmptyChallenge() {
        Pop3Harness h = new Pop3Harness();
        h.start();
        assertEquals("+ \r\n", h.send("AUTH PLAIN"));
        assertEquals(FAILED, h.send(b64("\0alice\0wrong")));
        assertEquals("+ \r\n", h.send("auth plain"));
        assertEquals("+OK Logged in.\r\n", h.send(b64("\0alice\0secret")));
    }

    @Test
    void emptyInitialResponseIsEquals() {
        Pop3Harness h = new Pop3Harness();
        h.start();
        assertEquals(FAILED, h.send("AUTH PLAIN ="));
        assertEquals("", h.plain.seen.get(0));
    }

    @Test
    void authLoginWithAndWithoutInitialResponse() {
        Pop3Harness h = new Pop3Harness();
        h.start();
        assertEquals("+ " + b64("Username:") + "\r\n", h.send("AUTH LOGIN"));
        assertEquals("+ " + b64("Password:") + "\r\n", h.send(b64("alice")));
        assertEquals(FAILED, h.send(b64("nope")));
        assertEquals("+ " + b64("Password:") + "\r\n", h.send("AUTH LOGIN " + b64("alice")));
        assertEquals("+OK Logged in.\r\n", h.send(b64("secret")));
    }

    @Test
    void cancelAndBadBase64() {
        Pop3Harness h = new Pop3Harness();
        h.start();
        h.send("AUTH LOGIN");
        assertEquals("-ERR Authentication aborted by client.\r\n", h.send("*"));
        assertEquals(1, h.login.aborts);
        h.send("AUTH LOGIN");
        assertEquals("-ERR [AUTH] Invalid base64 data in continued response\r\n", h.send("!!!"));
        assertEquals("-ERR [AUTH] Invalid base64 data in initial response\r\n", h.send("AUTH PLAIN !!!"));
        assertEquals("+OK\r\n", h.send("USER alice"), "the session goes on");
    }

    @Test
    void unknownAndServerFirstMechanisms() {
        Pop3Harness h = new Pop3Harness();
        h.start();
        assertEquals("-ERR [AUTH] Unsupported authentication mechanism.\r\n", h.send("AUTH FOO"));
        assertEquals("-ERR [AUTH] Unsupported authentication mechanism.\r\n", h.send("AUTH CRAM-MD5"),
                "registered but not in auth_mechanisms");
        h.params.set("auth_mechanisms", "plain login cram-md5");
        assertEquals("-ERR [AUTH] Initial response not allowed with CRAM-MD5.\r\n", h.send("AUTH CRAM-MD5 " + b64("x")));
        assertEquals("+ " + b64("<1.2@host>") + "\r\n", h.send("AUTH CRAM-MD5"));
        assertEquals("+OK Logged in.\r\n", h.send(b64("alice secret")));
    }

    @Test
    void bareAuthListsTheMechanisms() {
        Pop3Harness h = new Pop3Harness();
        h.start();
        assertEquals("+OK\r\nPLAIN\r\nLOGIN\r\n.\r\n", h.send("AUTH"));
    }

    @Test
    void aBrokenMechanismIsATemporaryFailure() {
        Pop3Harness h = new Pop3Harness();
        FakeMechanism broken = FakeMechanism.broken("XBROKEN");
        h.handler.addMechanism(broken, Map.of(SaslMechanism.MECHANISM, "XBROKEN"));
        h.params.set("auth_mechanisms", "plain xbroken");
        h.start();
        assertEquals("-ERR [SYS/TEMP] Temporary authentication failure.\r\n", h.send("AUTH XBROKEN " + b64("x")));
        assertEquals("+OK Logged in.\r\n", h.send("AUTH PLAIN " + b64("\0alice\0secret")));
    }

    @Test
    void longInitialResponsesAreAssembled() {
        Pop3Harness h = new Pop3Harness();
        h.start();
        String longName = "x".repeat(3000);
        h.users.plain(longName, "secret");
        String line = "AUTH PLAIN " + b64("\0" + longName + "\0secret");
        h.line(line.substring(0, 2048), io.tegami.api.net.Line.Ending.NONE);
        assertEquals("+OK Logged in.\r\n", h.send(line.substring(2048)));
    }

    @Test
    void apopIsOffWithoutApopInAuthMechanisms() {
        Pop3Harness h = new Pop3Harness();
        assertEquals("+OK Tegami ready.\r\n", h.start(), "no timestamp in the greeting");
        assertEquals("-ERR APOP not enabled.\r\n", h.send("APOP mrose c4c9334bac560ecc979e58001b3e22fb"));
    }

    @Test
    void apop() {
        Pop3Harness h = new Pop3Harness();
        h.params.set("auth_mechanisms", "plain apop");
        Matcher m = Pattern.compile("<[^>]+>").matcher(h.start());
        assertTrue(m.find());
        String challenge = m.group();
        assertEquals("-ERR Invalid parameters.\r\n", h.send("APOP mrose"));
        assertEquals("-ERR Invalid parameters.\r\n", h.send("APOP mrose abc"));
        assertEquals("-ERR Invalid characters in MD5 response.\r\n", h.send("APOP mrose " + "z".repeat(32)));
        assertEquals(FAILED, h.send("APOP mrose " + ApopTestAccess.md5Hex(challenge + "wrong")));
        String bobDigest = ApopTestAccess.md5Hex(challenge + "hunter2");
        assertEquals(FAILED, h.send("APOP bob " + bobDigest), "a hashed password cannot do APOP");
        assertEquals("+OK Logged in.\r\n", h.send("APOP mrose " + ApopTestAccess.md5Hex(challenge + "tanstaaf").toUpperCase()));
        assertEquals(2, h.penalty.failures.size());
    }

    @Test
    void apopDigestOfRfc1939() {
        assertEquals("c4c9334bac560ecc979e58001b3e22fb",
                ApopTestAccess.md5Hex("<1896.697170952@dbc.mtview.ca.us>tanstaaf"));
    }

    @Test
    void apopTimestampsAreUnique() {
        Pop3Harness a = new Pop3Harness();
        a.params.set("auth_mechanisms", "apop");
        String g1 = a.start();
        String g2 = a.another().start();
        assertTrue(g1.matches("\\+OK Tegami ready\\. <[0-9a-f]+\\.[0-9a-f]+\\.[0-9a-f]+\\.[^@>]+@mail\\.example\\.org>\r\n"), g1);
        assertTrue(!g1.equals(g2));
    }
}
