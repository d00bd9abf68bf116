package io.tegami.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.api.net.ListenerInfo;
import io.tegami.api.net.testing.FakeConnection;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.testing.FakeMechanism;

/**
 * CAPABILITY before and after login and TLS, LOGIN and LOGINDISABLED with Dovecot's semantics,
 * AUTHENTICATE with SASL-IR, STARTTLS, and the user+IP connection limit.
 */
class AuthTest {

    @TempDir
    Path dir;
    ImapHarness server;

    @BeforeEach
    void start() {
        server = new ImapHarness(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    ImapClient remote() {
        return server.connect(new FakeConnection("imap", 143).remote(new InetSocketAddress("192.0.2.7", 50000)));
    }

    @Test
    void loopbackIsSecuredSoPlaintextIsOffered() {
        ImapClient c = server.connect();
        assertEquals("* OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID ENABLE IDLE STARTTLS AUTH=PLAIN] Tegami ready.\r\n", c.greeting);
        assertEquals("* CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID ENABLE IDLE STARTTLS AUTH=PLAIN\r\na OK Capability completed.\r\n",
                c.command("a CAPABILITY"));
    }

    @Test
    void remoteClientInClearGetsLoginDisabled() {
        ImapClient c = remote();
        assertEquals("* OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID ENABLE IDLE STARTTLS LOGINDISABLED] Tegami ready.\r\n",
                c.greeting);
        assertEquals("* BAD [ALERT] Plaintext authentication not allowed without SSL/TLS, but your client did it anyway. "
                + "If anyone was listening, the password was exposed.\r\n"
                + "a NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.\r\n",
                c.command("a LOGIN alice secret"));
        assertEquals("b NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.\r\n",
                c.command("b AUTHENTICATE PLAIN " + b64("\0alice\0secret")));
        assertEquals(0, server.penalty.failures.size());
    }

    @Test
    void startTlsThenPlaintextIsFine() {
        FakeConnection conn = new FakeConnection("imap", 143).remote(new InetSocketAddress("192.0.2.7", 50000));
        ImapClient c = server.connect(conn);
        assertEquals("a OK Begin TLS negotiation now.\r\n", c.command("a STARTTLS"));
        assertEquals(1, conn.startTlsCalls());
        conn.secure();
        c.session.tlsStarted();
        assertEquals("* CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID ENABLE IDLE AUTH=PLAIN\r\nb OK Capability completed.\r\n",
                c.command("b CAPABILITY"));
        assertEquals("c BAD TLS is already active.\r\n", c.command("c STARTTLS"));
        c.expectOk("d LOGIN alice secret");
    }

    @Test
    void plaintextAllowedWhenDisablePlaintextAuthIsNo() {
        server.params.set("disable_plaintext_auth", "no");
        ImapClient c = remote();
        assertTrue(c.greeting.contains("AUTH=PLAIN"));
        assertFalse(c.greeting.contains("LOGINDISABLED"));
        c.expectOk("a LOGIN alice secret");
    }

    @Test
    void sslRequiredOffersNothingBeforeTls() {
        server.params.set("ssl", "required").set("disable_plaintext_auth", "no");
        server.handler.addMechanism(FakeMechanism.serverFirst("nonce"), Map.of(SaslMechanism.MECHANISM, "CRAM-MD5"));
        server.params.set("auth_mechanisms", "plain cram-md5");
        ImapClient c = remote();
        assertEquals("* OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID ENABLE IDLE STARTTLS LOGINDISABLED] Tegami ready.\r\n",
                c.greeting);
        assertTrue(c.command("a AUTHENTICATE CRAM-MD5").startsWith("a NO [PRIVACYREQUIRED]"));
        // ssl = no: no STARTTLS, but cleartext logins from loopback still work.
        server.params.set("ssl", "no");
        ImapClient local = server.connect();
        assertFalse(local.greeting.contains("STARTTLS"));
        assertEquals("x BAD TLS support isn't enabled.\r\n", local.command("x STARTTLS"));
    }

    @Test
    void loginSucceedsWithCapabilitiesAndStateChange() {
        ImapClient c = server.connect();
        String ok = c.command("a LOGIN \"alice\" {6+}\r\nsecret");
        assertTrue(ok.startsWith("a OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT CHILDREN UIDPLUS"), ok);
        assertTrue(ok.endsWith("] Logged in\r\n"), ok);
        assertFalse(ok.contains("AUTH="), ok);
        assertEquals(1, server.penalty.successes.size());
        assertEquals("b BAD Error in IMAP command LOGIN: Already authenticated.\r\n", c.command("b LOGIN alice secret"));
        assertTrue(c.command("c CAPABILITY").contains("NAMESPACE"));
    }

    @Test
    void wrongPasswordFailsWithPenalty() {
        ImapClient c = server.connect();
        assertEquals("a NO [AUTHENTICATIONFAILED] Authentication failed.\r\n", c.command("a LOGIN alice wrong"));
        assertEquals("b NO [AUTHENTICATIONFAILED] Authentication failed.\r\n", c.command("b LOGIN nobody x"));
        assertEquals(2, server.penalty.failures.size());
        assertEquals("c BAD Error in IMAP command SELECT: Login first.\r\n", c.command("c SELECT INBOX"));
        server.users.failing(true);
        assertEquals("d NO [UNAVAILABLE] Temporary authentication failure.\r\n", c.command("d LOGIN alice secret"));
    }

    @Test
    void aPenalizedFailureAnswersAfterTheDelayWithoutHoldingTheThread() {
        server.penalty.delay = Duration.ofSeconds(4);
        ImapClient c = server.connect();
        // The NO is a task for after the delay: nothing is written until the net layer runs it.
        assertEquals("", c.command("a LOGIN alice wrong"));
        assertEquals(List.of(Duration.ofSeconds(4)), c.connection.delays());
        assertEquals("a NO [AUTHENTICATIONFAILED] Authentication failed.\r\n", c.runTasks());
        assertEquals("", c.command("b AUTHENTICATE PLAIN " + b64("\0alice\0wrong")));
        assertEquals("b NO [AUTHENTICATIONFAILED] Authentication failed.\r\n", c.runTasks());
        assertEquals("+ \r\n", c.command("c AUTHENTICATE PLAIN"));
        assertEquals("", c.command(b64("\0alice\0wrong")));
        assertEquals("c NO [AUTHENTICATIONFAILED] Authentication failed.\r\n", c.runTasks());
        // The dialog is over: the next line is a command again.
        assertTrue(c.command("d CAPABILITY").contains("d OK"));
    }

    @Test
    void aBannedClientFailsEvenWithTheRightPassword() {
        server.penalty.banned = true;
        ImapClient c = server.connect();
        assertEquals("a NO [AUTHENTICATIONFAILED] Authentication failed.\r\n", c.command("a LOGIN alice secret"));
        assertEquals("b NO [AUTHENTICATIONFAILED] Authentication failed.\r\n",
                c.command("b AUTHENTICATE PLAIN " + b64("\0alice\0secret")));
        assertEquals(0, server.penalty.successes.size());
        server.penalty.banned = false;
        assertTrue(c.command("c LOGIN alice secret").startsWith("c OK [CAPABILITY"));
    }

    @Test
    void authenticatePlainWithAndWithoutInitialResponse() {
        ImapClient c = server.connect();
        assertTrue(c.command("a AUTHENTICATE PLAIN " + b64("\0alice\0secret")).startsWith("a OK [CAPABILITY"));

        ImapClient d = server.connect();
        assertEquals("+ \r\n", d.command("a AUTHENTICATE plain"));
        assertTrue(d.command(b64("\0bob\0hunter2")).startsWith("a OK [CAPABILITY"));

        ImapClient e = server.connect();
        assertEquals("+ \r\n", e.command("a AUTHENTICATE PLAIN"));
        assertEquals("a BAD Authentication aborted by client.\r\n", e.command("*"));
        assertEquals("+ \r\n", e.command("b AUTHENTICATE PLAIN"));
        assertEquals("b BAD Invalid base64 data in continued response\r\n", e.command("!!!"));
        assertEquals("c NO [AUTHENTICATIONFAILED] Authentication failed.\r\n",
                e.command("c AUTHENTICATE PLAIN " + b64("\0alice\0nope")));
        assertEquals("d NO Unsupported authentication mechanism.\r\n", e.command("d AUTHENTICATE X-UNKNOWN"));
        assertEquals("e BAD Invalid base64 data in initial response\r\n", e.command("e AUTHENTICATE PLAIN @@"));
    }

    @Test
    void emptyInitialResponseIsEquals() {
        ImapClient c = server.connect();
        // PLAIN with an empty response is a malformed PLAIN message: a failure, not a challenge.
        assertEquals("a NO [AUTHENTICATIONFAILED] Authentication failed.\r\n", c.command("a AUTHENTICATE PLAIN ="));
    }

    @Test
    void serverFirstMechanismRefusesInitialResponse() {
        server.handler.addMechanism(FakeMechanism.serverFirst("nonce"), Map.of(SaslMechanism.MECHANISM, "CRAM-MD5"));
        server.params.set("auth_mechanisms", "plain cram-md5");
        ImapClient c = remote();
        assertTrue(c.greeting.contains("AUTH=CRAM-MD5"), c.greeting);
        assertFalse(c.greeting.contains("AUTH=PLAIN"), c.greeting);
        assertEquals("a BAD Initial response not allowed for CRAM-MD5.\r\n", c.command("a AUTHENTICATE CRAM-MD5 " + b64("x")));
        assertEquals("+ " + b64("nonce") + "\r\n", c.command("b AUTHENTICATE CRAM-MD5"));
        assertTrue(c.command(b64("alice secret")).startsWith("b OK [CAPABILITY"));
    }

    @Test
    void mechanismsFollowTheRegistry() {
        ImapClient before = server.connect();
        assertTrue(before.greeting.contains("AUTH=PLAIN"));
        server.handler.removeMechanism(server.handler.mechanisms().get("PLAIN"));
        ImapClient after = server.connect();
        assertFalse(after.greeting.contains("AUTH=PLAIN"), after.greeting);
        assertEquals("a NO Unsupported authentication mechanism.\r\n", after.command("a AUTHENTICATE PLAIN"));
    }

    @Test
    void userIpLimitAnswersAsDovecotAndEndsTheConnection() {
        server.params.set("mail_max_userip_connections", "2");
        ImapClient a = server.alice();
        ImapClient b = server.alice();
        assertEquals(2, server.logins.logins().size());
        assertEquals("imap", server.logins.logins().get(0).protocol());
        ImapClient c = server.connect();
        assertEquals("x NO [LIMIT] Maximum number of connections from user+IP exceeded "
                + "(mail_max_userip_connections=2)\r\n", c.command("x LOGIN alice secret"));
        assertTrue(c.isClosed(), "Dovecot 2.3 hangs up after the NO, without a BYE");
        ImapClient sasl = server.connect();
        assertEquals("y NO [LIMIT] Maximum number of connections from user+IP exceeded "
                + "(mail_max_userip_connections=2)\r\n", sasl.command("y AUTHENTICATE PLAIN " + b64("\0alice\0secret")));
        assertTrue(sasl.isClosed());
        assertEquals(2, server.logins.logins().size(), "refusals take no slot");

        server.connect().expectOk("y LOGIN bob hunter2");
        a.command("z LOGOUT");
        assertEquals(2, server.logins.logins().size(), "LOGOUT gave alice's slot back");
        ImapClient d = server.connect();
        d.expectOk("v LOGIN alice secret");
        b.disconnect();
        d.disconnect();
        assertEquals(List.of("bob"), server.logins.logins().stream().map(l -> l.user()).toList(),
                "a dropped connection gives its slot back too");
    }

    @Test
    void withoutTheRegistryLoginsAreNotLimited() {
        server.params.set("mail_max_userip_connections", "1");
        server.handler.bindLogins(null);
        server.alice();
        server.alice();
    }

    @Test
    void aFullListenerGetsDovecotsByeAsTheGreeting() {
        FakeConnection conn = new FakeConnection("imap", 143);
        server.handler.refuse(conn);
        assertEquals("* BYE Connection queue full\r\n", conn.take());
    }

    @Test
    void implicitTlsListenerOffersNoStartTls() {
        FakeConnection conn = new FakeConnection("imap", 143).listener(new ListenerInfo("imaps", "imap", ListenerInfo.TlsMode.IMPLICIT, Map.of()))
                .remote(new InetSocketAddress("192.0.2.7", 50000)).secure();
        ImapClient c = server.connect(conn);
        assertEquals("* OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID ENABLE IDLE AUTH=PLAIN] Tegami ready.\r\n", c.greeting);
    }

    @Test
    void listenerOptionsOverrideTheGreeting() {
        FakeConnection conn = new FakeConnection("imap", 143).listener(new ListenerInfo("imap", "imap", ListenerInfo.TlsMode.STARTTLS,
                Map.of("login_greeting", "Hello there.")));
        assertTrue(server.connect(conn).greeting.endsWith("] Hello there.\r\n"));
    }
}
