package io.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.mail.Envelope;
import io.tegami.api.net.ListenerInfo;
import io.tegami.api.net.testing.FakeSslSession;

/** STARTTLS, the reset it implies, and smtpd_tls_security_level = encrypt. */
class TlsTest {

    private final SmtpHarness smtp = new SmtpHarness();

    @Test
    void startTlsSendsTheGoAheadThenUpgradesAndForgetsEverything() {
        smtp.start();
        smtp.pipeline("EHLO client.example", "MAIL FROM:<a@b.example>");
        assertEquals("220 2.0.0 Ready to start TLS\r\n", smtp.send("STARTTLS"));
        assertEquals(1, smtp.connection.startTlsCalls());
        assertTrue(smtp.connection.outputAtStartTls().endsWith("220 2.0.0 Ready to start TLS\r\n"),
                "the go-ahead is written before the upgrade");

        // Input that slips through before the handshake completes is not a command (RFC 3207).
        assertEquals("", smtp.send("RCPT TO:<alice@localhost>"));

        smtp.connection.secure(new FakeSslSession("TLSv1.3", "TLS_AES_256_GCM_SHA384"));
        smtp.session.tlsStarted();
        assertEquals("503 5.5.1 Error: need MAIL command\r\n", smtp.send("RCPT TO:<alice@localhost>"));
        String ehlo = smtp.send("EHLO client.example");
        assertTrue(!ehlo.contains("STARTTLS") && ehlo.endsWith("250 CHUNKING\r\n"), ehlo);
        smtp.pipeline("MAIL FROM:<a@b.example>", "RCPT TO:<alice@localhost>", "DATA");
        assertEquals("250 2.0.0 Ok: queued as 3F2A91\r\n", smtp.pipeline("secret", "."));

        String content = smtp.queue.committed().get(0).content();
        assertEquals("Received: from client.example (localhost [127.0.0.1])\n"
                + "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))\n"
                + "\tby host (Tegami) with ESMTPS id 3F2A91\n"
                + "\tfor <alice@localhost>; Fri, 27 Nov 2026 20:10:00 +0000 (UTC)\n"
                + "secret\n", content);
        assertEquals("ESMTPS", smtp.queue.committed().get(0).envelope().attribute(Envelope.PROTOCOL));
    }

    @Test
    void tlsLineCanBeLeftOutOfReceived() {
        smtp.params.set("smtpd_tls_received_header", "no");
        smtp.connection.secure(new FakeSslSession("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
        smtp.start();
        smtp.openData();
        smtp.pipeline("x", ".");
        assertTrue(smtp.queue.committed().get(0).content().contains("\n\tby host (Tegami) with ESMTPS id"));
        assertTrue(!smtp.queue.committed().get(0).content().contains("using"));
    }

    @Test
    void heloOverTlsStaysSmtpAsInRfc3848() {
        smtp.connection.secure(new FakeSslSession("TLSv1.3", "TLS_CHACHA20_POLY1305_SHA256"));
        smtp.start();
        smtp.pipeline("HELO x", "MAIL FROM:<a@b.example>", "RCPT TO:<alice@localhost>", "DATA", "x", ".");
        assertEquals("SMTP", smtp.queue.committed().get(0).envelope().attribute(Envelope.PROTOCOL));
    }

    @Test
    void startTlsRefusals() {
        smtp.start();
        assertEquals("501 5.5.4 Syntax: STARTTLS\r\n", smtp.send("STARTTLS now"));

        SmtpHarness none = new SmtpHarness();
        none.params.set("smtpd_tls_security_level", "none");
        none.start();
        assertEquals("502 5.5.1 Error: command not implemented\r\n", none.send("STARTTLS"));

        SmtpHarness noListener = new SmtpHarness();
        noListener.connection.canStartTls(false);
        noListener.start();
        assertEquals("502 5.5.1 Error: command not implemented\r\n", noListener.send("STARTTLS"));

        SmtpHarness secure = new SmtpHarness();
        secure.connection.secure(new FakeSslSession("TLSv1.3", "TLS_AES_128_GCM_SHA256"));
        secure.start();
        assertEquals("554 5.5.1 Error: TLS already active\r\n", secure.send("STARTTLS"));
        assertEquals(0, secure.connection.startTlsCalls());
    }

    @Test
    void encryptLevelRefusesMailInClear() {
        smtp.params.set("smtpd_tls_security_level", "encrypt");
        smtp.start();
        assertTrue(smtp.send("EHLO x").contains("250-STARTTLS\r\n"));
        assertEquals("250 2.0.0 Ok\r\n", smtp.send("NOOP"));
        String must = "530 5.7.0 Must issue a STARTTLS command first\r\n";
        assertEquals(must, smtp.send("MAIL FROM:<a@b.example>"));
        assertEquals(must, smtp.send("RCPT TO:<alice@localhost>"));
        assertEquals(must, smtp.send("DATA"));
        assertEquals("220 2.0.0 Ready to start TLS\r\n", smtp.send("STARTTLS"));
        smtp.connection.secure(new FakeSslSession("TLSv1.3", "TLS_AES_256_GCM_SHA384"));
        smtp.session.tlsStarted();
        smtp.send("EHLO x");
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<a@b.example>"));
    }

    @Test
    void listenerOptionOverridesTheMainTlsLevel() {
        smtp.connection.listener(new ListenerInfo("submission", "smtp", ListenerInfo.TlsMode.STARTTLS,
                Map.of("smtpd_tls_security_level", "encrypt")));
        smtp.start();
        assertEquals("530 5.7.0 Must issue a STARTTLS command first\r\n", smtp.send("MAIL FROM:<a@b.example>"));
    }
}
