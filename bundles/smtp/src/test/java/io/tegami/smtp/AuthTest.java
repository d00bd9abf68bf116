package io.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tegami.api.mail.Envelope;
import io.tegami.api.net.Line;
import io.tegami.api.net.ListenerInfo;
import io.tegami.api.net.testing.FakeSslSession;
import io.tegami.api.sasl.testing.FakeMechanism;

/** AUTH (RFC 4954) as a client sees it: replies, challenges, cancel, and what success changes. */
class AuthTest {

    private static final String EHLO_WITH_AUTH = "250-host\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-VRFY\r\n"
            + "250-STARTTLS\r\n250-AUTH PLAIN LOGIN\r\n250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n250-DSN\r\n"
            + "250-SMTPUTF8\r\n250 CHUNKING\r\n";
    private static final String FAILED = "535 5.7.8 Error: authentication failed: authentication failure\r\n";

    private final SmtpHarness smtp = new SmtpHarness();

    @BeforeEach
    void enableAuth() {
        smtp.params.set("smtpd_sasl_auth_enable", "yes");
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ehloOffersTheConfiguredMechanismsAfterStarttls() {
        smtp.start();
        assertEquals(EHLO_WITH_AUTH, smtp.send("EHLO client.example"));
    }

    @Test
    void noAuthLineWhileSaslIsOff() {
        smtp.params.set("smtpd_sasl_auth_enable", "no");
        smtp.start();
        assertFalse(smtp.send("EHLO client.example").contains("AUTH"));
        assertEquals("503 5.5.1 Error: authentication not enabled\r\n", smtp.send("AUTH PLAIN " + b64("\0alice\0secret")));
    }

    @Test
    void aListenerOptionEnablesSaslAsMasterCfDoes() {
        smtp.params.set("smtpd_sasl_auth_enable", "no");
        smtp.connection.listener(new ListenerInfo("submission", "smtp", ListenerInfo.TlsMode.STARTTLS,
                Map.of("smtpd_sasl_auth_enable", "yes")));
        smtp.start();
        assertTrue(smtp.send("EHLO c").contains("250-AUTH PLAIN LOGIN\r\n"));
    }

    @Test
    void authMechanismsChoosesAndOrdersWhatIsRegistered() {
        smtp.params.set("auth_mechanisms", "cram-md5 plain digest-md5");
        smtp.start();
        assertTrue(smtp.send("EHLO c").contains("250-AUTH CRAM-MD5 PLAIN\r\n"));
        assertEquals("504 5.5.4 Unsupported authentication mechanism\r\n", smtp.send("AUTH LOGIN"));
        assertEquals("504 5.5.4 Unsupported authentication mechanism\r\n", smtp.send("AUTH DIGEST-MD5"));
    }

    @Test
    void brokenClientsGetTheOldAuthEqualsLineToo() {
        smtp.params.set("broken_sasl_auth_clients", "yes");
        smtp.start();
        assertTrue(smtp.send("EHLO c").contains("250-AUTH PLAIN LOGIN\r\n250-AUTH=PLAIN LOGIN\r\n"));
    }

    @Test
    void plainWithInitialResponseAndWhatSuccessChanges() {
        smtp.params.set("smtpd_sasl_authenticated_header", "yes");
        smtp.start();
        smtp.send("EHLO client.example");
        assertEquals("235 2.7.0 Authentication successful\r\n", smtp.send("AUTH PLAIN " + b64("\0alice\0secret")));
        assertEquals(List.of(InetAddress.getLoopbackAddress()), smtp.penalty.successes);
        smtp.pipeline("MAIL FROM:<alice@localhost> AUTH=<>", "RCPT TO:<postmaster@localhost>", "DATA", "hi", ".");
        var message = smtp.queue.committed().get(0);
        assertEquals("ESMTPA", message.envelope().attribute(Envelope.PROTOCOL));
        assertEquals("alice", message.envelope().attribute(Envelope.SASL_USERNAME));
        assertEquals("Received: from client.example (localhost [127.0.0.1])\n"
                + "\t(Authenticated sender: alice)\n"
                + "\tby host (Tegami) with ESMTPA id 3F2A91\n"
                + "\tfor <postmaster@localhost>; Fri, 27 Nov 2026 20:10:00 +0000 (UTC)\n"
                + "hi\n", message.content());
        smtp.send("QUIT");
        assertEquals(" ehlo=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=6", smtp.stats());
    }

    @Test
    void theAuthenticatedSenderLineIsOffByDefaultAsInPostfix() {
        smtp.connection.secure(new FakeSslSession("TLSv1.3", "TLS_AES_128_GCM_SHA256"));
        smtp.start();
        smtp.pipeline("EHLO c", "AUTH PLAIN " + b64("\0alice\0secret"), "MAIL FROM:<a@b.example>",
                "RCPT TO:<alice@localhost>", "DATA", "x", ".");
        String content = smtp.queue.committed().get(0).content();
        assertFalse(content.contains("Authenticated sender"), content);
        assertTrue(content.contains("with ESMTPSA id"), content);
    }

    @Test
    void plainWithoutInitialResponseGetsAnEmptyChallenge() {
        smtp.start();
        smtp.send("EHLO c");
        assertEquals("334 \r\n", smtp.send("AUTH PLAIN"));
        assertEquals("235 2.7.0 Authentication successful\r\n", smtp.send(b64("alice\0alice\0secret")));
    }

    @Test
    void loginAsksForUserNameAndPassword() {
        smtp.start();
        smtp.send("EHLO c");
        assertEquals("334 VXNlcm5hbWU6\r\n", smtp.send("auth login"));
        assertEquals("334 UGFzc3dvcmQ6\r\n", smtp.send(b64("alice")));
        assertEquals("235 2.7.0 Authentication successful\r\n", smtp.send(b64("secret")));
        assertEquals("503 5.5.1 Error: already authenticated\r\n", smtp.send("AUTH PLAIN"));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswerAndAPenalty() {
        smtp.start();
        smtp.send("EHLO c");
        assertEquals(FAILED, smtp.send("AUTH PLAIN " + b64("\0alice\0guess")));
        assertEquals(FAILED, smtp.send("AUTH PLAIN " + b64("\0mallory\0guess")));
        assertEquals(2, smtp.penalty.failures.size());
        assertEquals(InetAddress.getLoopbackAddress(), smtp.penalty.failures.get(0));
        assertTrue(smtp.penalty.successes.isEmpty());
        smtp.send("QUIT");
        assertEquals(" ehlo=1 auth=0/2 quit=1 commands=2/4", smtp.stats());
    }

    @Test
    void theFailureReplyWaitsForThePenalty() {
        smtp.penalty.delay = Duration.ofMillis(300);
        smtp.start();
        smtp.send("EHLO c");
        smtp.line("AUTH PLAIN " + b64("\0alice\0guess"), Line.Ending.CRLF);
        assertEquals(List.of(Duration.ofMillis(300)), smtp.connection.delays(), "the 535 waits for the penalty");
        assertEquals(FAILED, smtp.connection.take(), "written once the delay has passed, by a task, not a sleep");
    }

    @Test
    void withoutAPenaltyServiceFailuresStillWaitTwoSeconds() {
        smtp.penaltyService = null;
        smtp.start();
        smtp.send("EHLO c");
        assertEquals(FAILED, smtp.send("AUTH PLAIN " + b64("\0alice\0guess")));
        assertEquals(List.of(Duration.ofSeconds(2)), smtp.connection.delays());
    }

    @Test
    void starCancelsTheExchange() {
        smtp.start();
        smtp.send("EHLO c");
        smtp.send("AUTH LOGIN");
        assertEquals("501 5.7.0 Authentication aborted\r\n", smtp.send("*"));
        assertEquals(1, smtp.login.aborts);
        assertEquals("250 2.0.0 Ok\r\n", smtp.send("NOOP"), "commands follow again");
        assertTrue(smtp.penalty.failures.isEmpty(), "a cancel is not a failed password");
    }

    @Test
    void undecodableResponsesAre501() {
        smtp.start();
        smtp.send("EHLO c");
        assertEquals("501 5.5.2 Cannot decode response\r\n", smtp.send("AUTH PLAIN not*base64"));
        smtp.send("AUTH LOGIN");
        assertEquals("501 5.5.2 Cannot decode response\r\n", smtp.send("%%%"));
        assertEquals(1, smtp.login.aborts);
    }

    @Test
    void equalsIsAnEmptyInitialResponse() {
        smtp.start();
        smtp.send("EHLO c");
        assertEquals(FAILED, smtp.send("AUTH PLAIN ="));
        assertEquals("", smtp.plain.seen.get(0));
    }

    @Test
    void responsesAreWipedAfterTheMechanismHasSeenThem() {
        smtp.start();
        smtp.send("EHLO c");
        smtp.send("AUTH PLAIN " + b64("\0alice\0secret"));
        assertEquals("\0alice\0secret", smtp.plain.seen.get(0));
        assertArrayEquals(new byte[13], smtp.plain.responses.get(0));
    }

    @Test
    void sequenceAndSyntaxErrors() {
        smtp.start();
        smtp.send("EHLO c");
        assertEquals("501 5.5.4 Syntax: AUTH mechanism\r\n", smtp.send("AUTH"));
        assertEquals("501 5.5.4 Syntax: AUTH mechanism\r\n", smtp.send("AUTH PLAIN a b"));
        assertEquals("504 5.5.4 Unsupported authentication mechanism\r\n", smtp.send("AUTH GSSAPI"));
        smtp.send("MAIL FROM:<a@b.example>");
        assertEquals("503 5.5.1 Error: MAIL transaction in progress\r\n", smtp.send("AUTH PLAIN"));
    }

    @Test
    void heloRequiredAppliesToAuth() {
        smtp.params.set("smtpd_helo_required", "yes");
        smtp.start();
        assertEquals("503 5.5.1 Error: send HELO/EHLO first\r\n", smtp.send("AUTH PLAIN"));
    }

    @Test
    void serverFirstMechanismsRefuseAnInitialResponse() {
        smtp.params.set("auth_mechanisms", "plain cram-md5");
        smtp.start();
        smtp.send("EHLO c");
        assertEquals("501 5.7.0 Client initiated Authentication Exchange\r\n", smtp.send("AUTH CRAM-MD5 " + b64("alice x")));
        assertTrue(smtp.cram.contexts.isEmpty(), "no exchange was started");
        assertEquals("334 PDEuMkBob3N0Pg==\r\n", smtp.send("AUTH CRAM-MD5"));
    }

    @Test
    void plaintextMechanismsNeedTlsFromRemoteClients() {
        smtp.params.set("auth_mechanisms", "plain login cram-md5");
        smtp.connection.remote(new InetSocketAddress("192.0.2.1", 40000));
        smtp.start();
        assertTrue(smtp.send("EHLO c").contains("250-AUTH CRAM-MD5\r\n"));
        assertEquals("538 5.7.11 Encryption required for requested authentication mechanism\r\n",
                smtp.send("AUTH PLAIN " + b64("\0alice\0secret")));
        assertEquals("334 PDEuMkBob3N0Pg==\r\n", smtp.send("AUTH CRAM-MD5"), "non-plaintext mechanisms stay usable");
        assertEquals("235 2.7.0 Authentication successful\r\n", smtp.send(b64("alice secret")));
    }

    @Test
    void overTlsPlaintextMechanismsAreOffered() {
        smtp.connection.remote(new InetSocketAddress("192.0.2.1", 40000)).secure(new FakeSslSession("TLSv1.3", "x"));
        smtp.start();
        assertTrue(smtp.send("EHLO c").contains("250-AUTH PLAIN LOGIN\r\n"));
        assertEquals("235 2.7.0 Authentication successful\r\n", smtp.send("AUTH PLAIN " + b64("\0alice\0secret")));
    }

    @Test
    void disablePlaintextAuthNoAllowsThemInClear() {
        smtp.params.set("disable_plaintext_auth", "no");
        smtp.connection.remote(new InetSocketAddress("192.0.2.1", 40000));
        smtp.start();
        assertTrue(smtp.send("EHLO c").contains("250-AUTH PLAIN LOGIN\r\n"));
    }

    @Test
    void noMechanismLeftMeansNoAuthLine() {
        smtp.connection.remote(new InetSocketAddress("192.0.2.1", 40000));
        smtp.start();
        assertFalse(smtp.send("EHLO c").contains("AUTH"));
    }

    @Test
    void tlsAuthOnlyHidesAuthUntilStarttlsEvenOnLoopback() {
        smtp.params.set("smtpd_tls_auth_only", "yes");
        smtp.start();
        assertFalse(smtp.send("EHLO c").contains("AUTH"));
        assertEquals("538 5.7.11 Encryption required for requested authentication mechanism\r\n", smtp.send("AUTH PLAIN"));
        assertEquals("555 5.5.4 Unsupported option: AUTH=<>\r\n", smtp.send("MAIL FROM:<a@b.example> AUTH=<>"));
        smtp.send("STARTTLS");
        smtp.connection.secure(new FakeSslSession("TLSv1.3", "TLS_AES_128_GCM_SHA256"));
        smtp.session.tlsStarted();
        assertTrue(smtp.send("EHLO c").contains("250-AUTH PLAIN LOGIN\r\n"));
    }

    @Test
    void encryptLevelRefusesAuthBeforeStarttls() {
        smtp.params.set("smtpd_tls_security_level", "encrypt");
        smtp.start();
        assertEquals("530 5.7.0 Must issue a STARTTLS command first\r\n", smtp.send("AUTH PLAIN " + b64("\0alice\0secret")));
    }

    @Test
    void starttlsForgetsAnEarlierAuthentication() {
        smtp.start();
        smtp.pipeline("EHLO c", "AUTH PLAIN " + b64("\0alice\0secret"));
        smtp.send("STARTTLS");
        smtp.connection.secure(new FakeSslSession("TLSv1.3", "TLS_AES_128_GCM_SHA256"));
        smtp.session.tlsStarted();
        smtp.pipeline("EHLO c", "MAIL FROM:<a@b.example>", "RCPT TO:<alice@localhost>", "DATA", "x", ".");
        assertEquals("ESMTPS", smtp.queue.committed().get(0).envelope().attribute(Envelope.PROTOCOL));
        assertNull(smtp.queue.committed().get(0).envelope().attribute(Envelope.SASL_USERNAME));
    }

    @Test
    void heloThenAuthStaysSmtp() {
        smtp.start();
        smtp.pipeline("HELO c", "AUTH PLAIN " + b64("\0alice\0secret"), "MAIL FROM:<a@b.example>",
                "RCPT TO:<alice@localhost>", "DATA", "x", ".");
        assertEquals("SMTP", smtp.queue.committed().get(0).envelope().attribute(Envelope.PROTOCOL));
        assertEquals("alice", smtp.queue.committed().get(0).envelope().attribute(Envelope.SASL_USERNAME));
    }

    @Test
    void anUnreachableDirectoryIsATemporaryFailureWithoutPenalty() {
        smtp.users.failing(true);
        smtp.start();
        smtp.send("EHLO c");
        assertEquals("454 4.7.0 Temporary authentication failure: Internal error occurred. "
                + "Refer to server log for more information.\r\n", smtp.send("AUTH PLAIN " + b64("\0alice\0secret")));
        assertTrue(smtp.penalty.failures.isEmpty());
    }

    @Test
    void noDirectoryAtAllIsTemporaryToo() {
        smtp.userService = null;
        smtp.start();
        smtp.send("EHLO c");
        assertTrue(smtp.send("AUTH PLAIN " + b64("\0alice\0secret")).startsWith("454 4.7.0 "));
    }

    @Test
    void aBrokenMechanismGets454AndTheSessionGoesOn() {
        smtp.mechanisms.add(FakeMechanism.broken("XBROKEN"));
        smtp.params.set("auth_mechanisms", "plain xbroken");
        smtp.start();
        smtp.send("EHLO c");
        assertTrue(smtp.send("AUTH XBROKEN").startsWith("454 4.7.0 "));
        assertEquals("250 2.0.0 Ok\r\n", smtp.send("NOOP"));
    }

    @Test
    void theContextTellsTheMechanismWhoAndWhere() {
        smtp.start();
        smtp.pipeline("EHLO c", "AUTH PLAIN " + b64("\0alice\0secret"));
        var context = smtp.plain.contexts.get(0);
        assertEquals("smtp", context.protocol());
        assertEquals("host", context.hostname());
        assertEquals(InetAddress.getLoopbackAddress(), context.clientAddress());
        assertFalse(context.isSecure());
        assertEquals(List.of(InetAddress.getLoopbackAddress()), smtp.users.authClients());
    }

    @Test
    void aMechanismThatGoesAwayLeavesEhloAtOnce() {
        smtp.params.set("auth_mechanisms", "plain login cram-md5");
        smtp.start();
        assertTrue(smtp.send("EHLO c").contains("250-AUTH PLAIN LOGIN CRAM-MD5\r\n"));
        smtp.handler.removeMechanism(smtp.cram);
        assertTrue(smtp.send("EHLO c").contains("250-AUTH PLAIN LOGIN\r\n"));
        assertEquals("504 5.5.4 Unsupported authentication mechanism\r\n", smtp.send("AUTH CRAM-MD5"));
        smtp.handler.addMechanism(smtp.cram, Map.of("sasl.mechanism", "CRAM-MD5"));
        assertTrue(smtp.send("EHLO c").contains("250-AUTH PLAIN LOGIN CRAM-MD5\r\n"));
    }

    @Test
    void theHighestRankedServiceOfANameIsUsed() {
        FakeMechanism better = FakeMechanism.plain();
        smtp.start();
        smtp.handler.addMechanism(better, Map.of("sasl.mechanism", "PLAIN", "service.ranking", 10, "service.id", 99L));
        smtp.pipeline("EHLO c", "AUTH PLAIN " + b64("\0alice\0secret"));
        assertEquals(1, better.seen.size());
        assertTrue(smtp.plain.seen.isEmpty());
    }

    @Test
    void mailAuthParameter() {
        smtp.start();
        smtp.send("EHLO c");
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<a@b.example> AUTH=a@b.example"));
        smtp.send("RSET");
        assertEquals("503 5.5.4 Error: multiple AUTH= options\r\n", smtp.send("MAIL FROM:<a@b.example> AUTH=<> AUTH=<>"));
    }

    @Test
    void overlongResponsesAreRefused() {
        smtp.params.set("smtpd_sasl_response_limit", "16");
        smtp.start();
        smtp.send("EHLO c");
        smtp.send("AUTH LOGIN");
        assertEquals("500 5.5.6 SASL response limit exceeded\r\n", smtp.send(b64("a".repeat(20))));
        smtp.send("AUTH LOGIN");
        smtp.line("QUFBQUFBQUFB", Line.Ending.NONE);
        smtp.line("QUFBQUFBQUFB", Line.Ending.NONE);
        assertEquals("", smtp.connection.take(), "no reply before the line ends");
        assertEquals("500 5.5.6 SASL response limit exceeded\r\n", smtp.send("QQ=="));
        assertEquals("250 2.0.0 Ok\r\n", smtp.send("NOOP"));
    }

    @Test
    void aResponseInPiecesWithinTheLimitIsJoined() {
        smtp.start();
        smtp.send("EHLO c");
        smtp.send("AUTH PLAIN");
        String full = b64("\0alice\0secret");
        smtp.line(full.substring(0, 5), Line.Ending.NONE);
        assertEquals("235 2.7.0 Authentication successful\r\n", smtp.send(full.substring(5)));
    }

    @Test
    void failedLoginsCountTowardsTheErrorLimit() {
        smtp.params.set("smtpd_hard_error_limit", "3");
        smtp.start();
        smtp.send("EHLO c");
        smtp.send("AUTH LOGIN");
        smtp.send(b64("alice"));
        assertEquals(FAILED, smtp.send(b64("guess")));
        smtp.send("AUTH PLAIN " + b64("\0alice\0guess"));
        String last = smtp.send("AUTH PLAIN " + b64("\0alice\0guess"));
        assertTrue(last.endsWith("421 4.7.0 host Error: too many errors\r\n"), last);
        assertFalse(smtp.connection.isOpen());
    }

    @Test
    void shutdownInTheMiddleAbortsTheExchange() {
        smtp.start();
        smtp.send("EHLO c");
        smtp.send("AUTH LOGIN");
        smtp.session.shutdown();
        assertEquals(1, smtp.login.aborts);
        assertTrue(smtp.connection.take().startsWith("421 4.3.2 "));
    }
}
