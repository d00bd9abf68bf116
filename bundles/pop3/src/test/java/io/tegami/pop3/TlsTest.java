package io.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.net.ListenerInfo;
import io.tegami.api.net.testing.FakeSslSession;

/**
 * STLS (RFC 2595) and the plaintext rules: with {@code disable_plaintext_auth = yes} (the
 * default) a client that is neither on TLS nor on loopback may not send a password in clear; with
 * {@code ssl = required} it may not authenticate at all before TLS.
 */
class TlsTest {

    private static final String PLAINTEXT =
            "-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.\r\n";
    private static final InetSocketAddress REMOTE = new InetSocketAddress("192.0.2.7", 50000);

    private static Pop3Harness remote() {
        Pop3Harness h = new Pop3Harness();
        h.connection.remote(REMOTE);
        return h;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plaintextIsRefusedOnAnUnsecuredConnection() {
        Pop3Harness h = remote();
        h.params.set("auth_mechanisms", "plain login cram-md5");
        h.start();
        String capa = h.send("CAPA");
        assertTrue(capa.contains("STLS\r\n"));
        assertFalse(capa.contains("USER\r\n"), capa);
        assertTrue(capa.contains("SASL CRAM-MD5\r\n"), capa);
        assertEquals(PLAINTEXT, h.send("USER alice"));
        assertEquals(PLAINTEXT, h.send("PASS secret"));
        assertEquals(PLAINTEXT, h.send("AUTH PLAIN " + b64("\0alice\0secret")));
        assertEquals(PLAINTEXT, h.send("AUTH LOGIN"));
        assertTrue(h.open(), "the session goes on");
        assertTrue(h.users.authClients().isEmpty(), "no password was checked");
        assertEquals("+ " + b64("<1.2@host>") + "\r\n", h.send("AUTH CRAM-MD5"));
        assertEquals("+OK Logged in.\r\n", h.send(b64("alice secret")));
    }

    @Test
    void plaintextIsAllowedWhenConfiguredSo() {
        Pop3Harness h = remote();
        h.params.set("disable_plaintext_auth", "no");
        h.start();
        assertTrue(h.send("CAPA").contains("USER\r\n"));
        h.send("USER alice");
        assertEquals("+OK Logged in.\r\n", h.send("PASS secret"));
        assertEquals("192.0.2.7", h.users.authClients().get(0).getHostAddress());
    }

    @Test
    void stlsThenPlaintext() {
        Pop3Harness h = new Pop3Harness();
        h.start();
        assertEquals("+OK\r\n", h.send("USER alice"));
        assertEquals("+OK Begin TLS negotiation now.\r\n", h.pipeline("STLS", "USER alice", "PASS secret"));
        assertEquals(1, h.connection.startTlsCalls());
        assertTrue(h.open());
        h.connection.secure(new FakeSslSession("TLSv1.3", "TLS_AES_128_GCM_SHA256"));
        h.session.tlsStarted();
        String capa = h.send("CAPA");
        assertFalse(capa.contains("STLS"), capa);
        assertTrue(capa.contains("USER\r\nSASL PLAIN LOGIN\r\n"), capa);
        assertEquals("-ERR TLS is already active.\r\n", h.send("STLS"));
        assertEquals("-ERR No username given.\r\n", h.send("PASS secret"), "nothing said in clear survives");
        h.send("USER alice");
        assertEquals("+OK Logged in.\r\n", h.send("PASS secret"));
    }

    @Test
    void stlsWhereTlsCannotStart() {
        Pop3Harness h = new Pop3Harness();
        h.connection.canStartTls(false);
        h.start();
        assertFalse(h.send("CAPA").contains("STLS"));
        assertEquals("-ERR TLS support isn't enabled.\r\n", h.send("STLS"));
        Pop3Harness off = new Pop3Harness();
        off.params.set("ssl", "no");
        off.start();
        assertFalse(off.send("CAPA").contains("STLS"));
        assertEquals("-ERR TLS support isn't enabled.\r\n", off.send("STLS"));
        assertEquals(0, off.connection.startTlsCalls());
    }

    @Test
    void sslRequiredAllowsNoAuthenticationBeforeTls() {
        Pop3Harness h = remote();
        h.params.set("ssl", "required");
        h.params.set("disable_plaintext_auth", "no");
        h.params.set("auth_mechanisms", "plain cram-md5 apop");
        String greeting = h.start();
        String capa = h.send("CAPA");
        assertFalse(capa.contains("USER"), capa);
        assertFalse(capa.contains("SASL"), capa);
        assertEquals(PLAINTEXT, h.send("AUTH CRAM-MD5"));
        assertEquals(PLAINTEXT, h.send("USER alice"));
        assertEquals(PLAINTEXT, h.send("APOP mrose 0123456789abcdef0123456789abcdef"));
        assertTrue(greeting.contains("<"));
    }

    @Test
    void implicitTlsListener() {
        Pop3Harness h = remote();
        h.connection.listener(new ListenerInfo("pop3s", "pop3", ListenerInfo.TlsMode.IMPLICIT, Map.of()))
                .canStartTls(false).secure(new FakeSslSession("TLSv1.3", "TLS_AES_256_GCM_SHA384"));
        h.start();
        String capa = h.send("CAPA");
        assertFalse(capa.contains("STLS"));
        assertTrue(capa.contains("USER"));
        h.send("USER alice");
        assertEquals("+OK Logged in.\r\n", h.send("PASS secret"));
    }

    @Test
    void listenerOptionsOverrideMainParameters() {
        Pop3Harness h = remote();
        h.connection.listener(new ListenerInfo("pop3", "pop3", ListenerInfo.TlsMode.STARTTLS,
                Map.of("disable_plaintext_auth", "no")));
        h.start();
        assertEquals("+OK\r\n", h.send("USER alice"));
    }
}
