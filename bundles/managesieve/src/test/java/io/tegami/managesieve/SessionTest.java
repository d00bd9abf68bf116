package io.tegami.managesieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.api.net.testing.FakeConnection;

/** Greeting, CAPABILITY, STARTTLS, AUTHENTICATE, UNAUTHENTICATE, NOOP, LOGOUT and the session rules. */
class SessionTest {

    @TempDir
    Path dir;

    private static final String CAPS_CLEAR = "\"IMPLEMENTATION\" \"Tegami\"\r\n"
            + "\"SIEVE\" \"enotify fileinto vacation\"\r\n"
            + "\"NOTIFY\" \"mailto\"\r\n"
            + "\"SASL\" \"PLAIN\"\r\n"
            + "\"STARTTLS\"\r\n"
            + "\"VERSION\" \"1.0\"\r\n";

    @Test
    void greetingIsTheCapabilitiesThenOk() {
        Harness h = new Harness(dir);
        assertEquals(CAPS_CLEAR + "OK \"Tegami ready.\"\r\n", h.start());
        assertEquals(CAPS_CLEAR + "OK \"Capability completed.\"\r\n", h.send("capability\r\n"));
    }

    @Test
    void remoteClientInClearIsOfferedNoPlaintextMechanism() {
        Harness h = new Harness(dir, new FakeConnection("sieve", 4190).canStartTls(true)
                .remote(new InetSocketAddress("192.0.2.7", 5000)), "auth_mechanisms", "plain cram-md5");
        String greeting = h.start();
        assertTrue(greeting.contains("\"SASL\" \"CRAM-MD5\"\r\n"), greeting);
        assertEquals("NO \"Plaintext authentication disallowed on non-secure (SSL/TLS) connections.\"\r\n",
                h.send("AUTHENTICATE \"PLAIN\" \"" + Harness.plain("alice", "secret") + "\"\r\n"));
        assertEquals("NO \"Unsupported authentication mechanism.\"\r\n", h.send("AUTHENTICATE \"GSSAPI\"\r\n"));
    }

    @Test
    void startTlsSendsTheCapabilitiesAgainWithoutStartTls() {
        Harness h = new Harness(dir);
        h.start();
        assertEquals("OK \"Begin TLS negotiation now.\"\r\n", h.send("STARTTLS\r\n"));
        assertEquals(1, h.connection.startTlsCalls());
        h.connection.secure();
        h.session.tlsStarted();
        String after = h.connection.take();
        assertFalse(after.contains("STARTTLS"), after);
        assertTrue(after.startsWith("\"IMPLEMENTATION\" \"Tegami\"\r\n") && after.endsWith("OK \"TLS negotiation successful.\"\r\n"), after);
        assertEquals("NO \"TLS is already active.\"\r\n", h.send("STARTTLS\r\n"));
    }

    @Test
    void authenticateWithInitialResponse() {
        Harness h = new Harness(dir);
        h.start();
        assertEquals("OK \"Logged in.\"\r\n", h.login());
        assertEquals(1, h.logins.logins().size());
        assertEquals("NO \"Already authenticated.\"\r\n", h.send("AUTHENTICATE \"PLAIN\"\r\n"));
        assertEquals("OK \"Unauthenticate completed.\"\r\n", h.send("UNAUTHENTICATE\r\n"));
        assertEquals(0, h.logins.logins().size());
        assertEquals("NO \"Error in MANAGESIEVE command received by server.\"\r\n", h.send("LISTSCRIPTS\r\n"));
    }

    @Test
    void authenticateWithContinuationAsQuotedAndLiteralStrings() {
        Harness h = new Harness(dir);
        h.start();
        assertEquals("\"\"\r\n", h.send("AUTHENTICATE \"PLAIN\"\r\n"));
        String answer = Harness.plain("alice", "secret");
        assertEquals("OK \"Logged in.\"\r\n", h.send("{" + answer.length() + "+}\r\n" + answer + "\r\n"));

        Harness h2 = new Harness(dir);
        h2.start();
        assertEquals("\"\"\r\n", h2.send("AUTHENTICATE {5+}\r\nPLAIN\r\n"));
        assertEquals("NO \"Authentication aborted by client.\"\r\n", h2.send("\"*\"\r\n"));
        assertEquals("\"\"\r\n", h2.send("AUTHENTICATE \"PLAIN\"\r\n"));
        assertEquals("NO \"Invalid base64 data in continued response.\"\r\n", h2.send("\"!!\"\r\n"));
    }

    @Test
    void failedAuthenticationIsPenalizedAndSaysNothingMore() {
        Harness h = new Harness(dir);
        h.start();
        assertEquals("NO \"Authentication failed.\"\r\n",
                h.send("AUTHENTICATE \"PLAIN\" \"" + Harness.plain("alice", "wrong") + "\"\r\n"));
        assertEquals(1, h.penalty.failures.size());
        h.users.failing(true);
        assertEquals("NO (TRYLATER) \"Temporary authentication failure.\"\r\n", h.login());
    }

    @Test
    void tooManyBadCommandsBeforeLoginEndTheSession() {
        Harness h = new Harness(dir);
        h.start();
        // Dovecot 2.3.19's managesieve-login answers.
        assertEquals("NO \"Error in MANAGESIEVE command received by server.\"\r\n", h.send("FOO\r\n"));
        assertEquals("NO \"String contains invalid character.\"\r\n", h.send("NOOP \"abc\r\n"));
        assertEquals("NO \"Error in MANAGESIEVE command received by server.\"\r\n", h.send("BAR\r\n"));
        assertEquals("BYE \"Too many invalid MANAGESIEVE commands.\"\r\n", h.send("BAZ\r\n"));
        assertFalse(h.connection.isOpen());
    }

    @Test
    void noopEchoesItsTagAndLogoutCloses() {
        Harness h = new Harness(dir);
        h.start();
        assertEquals("OK (TAG \"abc\") \"NOOP completed.\"\r\n", h.send("NOOP \"abc\"\r\n"));
        assertEquals("OK \"Logout completed.\"\r\n", h.send("LOGOUT\r\n"));
        assertFalse(h.connection.isOpen());
    }

    @Test
    void tooLongLineSaysByeWithoutATrace() {
        Harness h = new Harness(dir);
        h.start();
        String out = h.send("NOOP \"" + "x".repeat(70_000) + "\"\r\n");
        assertEquals("BYE \"Too long line.\"\r\n", out);
        assertFalse(h.connection.isOpen());
    }

    @Test
    void idleAndShutdownSayBye() {
        Harness h = new Harness(dir);
        h.start();
        h.session.idle();
        assertEquals("BYE \"Disconnected for inactivity.\"\r\n", h.connection.take());
        Harness h2 = new Harness(dir);
        h2.start();
        h2.login();
        h2.session.shutdown();
        assertEquals("BYE \"Server shutting down.\"\r\n", h2.connection.take());
        assertEquals(0, h2.logins.logins().size());
    }

    @Test
    void userIpLimitRefusesTheLoginAndCloses() {
        Harness h = new Harness(dir, "mail_max_userip_connections", "1");
        h.start();
        assertEquals("OK \"Logged in.\"\r\n", h.login());
        Harness second = new Harness(dir, new FakeConnection("sieve", 4190), "mail_max_userip_connections", "1");
        second.handler.bindLogins(h.logins);
        second.start();
        assertEquals("BYE \"Maximum number of connections from user+IP exceeded (mail_max_userip_connections=1)\"\r\n",
                second.login());
        assertFalse(second.connection.isOpen());
        assertEquals(1, h.logins.logins().size());
    }
}
