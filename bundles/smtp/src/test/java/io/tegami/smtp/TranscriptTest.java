package io.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.rewrite.RewriteContext;
import io.tegami.smtp.fake.FakeMailQueue.Queued;

/** Whole conversations, reply for reply, as a client sees them. */
class TranscriptTest {

    private final SmtpHarness smtp = new SmtpHarness();

    @Test
    void classicTranscriptWorksVerbatim() {
        assertEquals("220 host ESMTP Tegami\r\n", smtp.start());
        assertEquals("250 host\r\n", smtp.send("HELO localhost"));
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:root@localhost"));
        assertEquals("250 2.1.5 Ok\r\n", smtp.send("RCPT TO:alice@localhost"));
        assertEquals("354 End data with <CR><LF>.<CR><LF>\r\n", smtp.send("DATA"));
        assertEquals("", smtp.send("test"));
        assertEquals("250 2.0.0 Ok: queued as 3F2A91\r\n", smtp.send("."));
        assertEquals("221 2.0.0 Bye\r\n", smtp.send("QUIT"));
        assertFalse(smtp.connection.isOpen());
        assertEquals(" helo=1 mail=1 rcpt=1 data=1 quit=1 commands=5", smtp.stats());

        Queued message = smtp.queue.committed().get(0);
        assertEquals("Received: from localhost (localhost [127.0.0.1])\n"
                + "\tby host (Tegami) with SMTP id 3F2A91\n"
                + "\tfor <alice@localhost>; Fri, 27 Nov 2026 20:10:00 +0000 (UTC)\n"
                + "test\n", message.content());
        assertEquals(MailAddress.of("root", "localhost"), message.envelope().sender());
        assertEquals(List.of(MailAddress.of("alice", "localhost")), message.envelope().recipients());
        assertEquals(Map.of(Envelope.CLIENT_ADDRESS, "127.0.0.1", Envelope.CLIENT_NAME, "localhost",
                Envelope.HELO_NAME, "localhost", Envelope.PROTOCOL, "SMTP", RewriteContext.ATTRIBUTE, "local"),
                message.envelope().attributes());
    }

    @Test
    void greetingIsFlushedAtOnce() {
        smtp.start();
        assertEquals(1, smtp.connection.flushes());
    }

    @Test
    void bannerFollowsSmtpdBanner() {
        smtp.params.set("smtpd_banner", "mx.example.org ESMTP ready");
        assertEquals("220 mx.example.org ESMTP ready\r\n", smtp.start());
    }

    @Test
    void ehloListsExtensionsInOneReply() {
        smtp.start();
        assertEquals("250-host\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-VRFY\r\n250-STARTTLS\r\n"
                + "250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n250-DSN\r\n250-SMTPUTF8\r\n250 CHUNKING\r\n",
                smtp.send("EHLO client.example"));
    }

    @Test
    void ehloFollowsSettings() {
        smtp.params.set("disable_vrfy_command", "yes").set("message_size_limit", "5000")
                .set("smtpd_tls_security_level", "none").set("smtputf8_enable", "no");
        smtp.start();
        assertEquals("250-host\r\n250-PIPELINING\r\n250-SIZE 5000\r\n250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n"
                + "250-DSN\r\n250 CHUNKING\r\n",
                smtp.send("ehlo client.example"));
    }

    @Test
    void ehloOmitsStartTlsWhenTheListenerCannot() {
        smtp.connection.canStartTls(false);
        smtp.start();
        assertFalse(smtp.send("EHLO x").contains("STARTTLS"));
    }

    @Test
    void pipelinedCommandsGetTheirRepliesTogetherAndTheMessageIsQueued() {
        smtp.params.set("recipient_delimiter", "+");
        smtp.start();
        String replies = smtp.pipeline("EHLO client.example", "MAIL FROM:<sender@example.com> SIZE=100 BODY=8BITMIME",
                "RCPT TO:<alice@localhost>", "RCPT TO:<Alice+list@LOCALHOST>", "DATA");
        assertTrue(replies.endsWith("250 CHUNKING\r\n250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n250 2.1.5 Ok\r\n"
                + "354 End data with <CR><LF>.<CR><LF>\r\n"), replies);
        assertEquals("250 2.0.0 Ok: queued as 3F2A91\r\n", smtp.pipeline("Subject: hi", "", "body", "."));

        Queued message = smtp.queue.committed().get(0);
        // Two recipients: no "for" clause, the date on its own line.
        assertTrue(message.content().startsWith("Received: from client.example (localhost [127.0.0.1])\n"
                + "\tby host (Tegami) with ESMTP id 3F2A91;\n\tFri, 27 Nov 2026 20:10:00 +0000 (UTC)\n"
                + "Subject: hi\n\nbody\n"), message.content());
        assertEquals(List.of(MailAddress.of("alice", "localhost"), MailAddress.of("Alice+list", "localhost")),
                message.envelope().recipients());
        assertEquals("ESMTP", message.envelope().attribute(Envelope.PROTOCOL));
        assertEquals("8BITMIME", message.envelope().attribute(Envelope.BODY));
    }

    @Test
    void sessionGoesOnAfterAMessage() {
        smtp.start();
        smtp.openData();
        assertEquals("250 2.0.0 Ok: queued as 3F2A91\r\n", smtp.pipeline("one", "."));
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<>"));
        smtp.send("RCPT TO:<postmaster@host>");
        smtp.send("DATA");
        assertEquals("250 2.0.0 Ok: queued as 3F2A92\r\n", smtp.pipeline("two", "."));
        assertEquals(MailAddress.NULL_SENDER, smtp.queue.committed().get(1).envelope().sender());
    }

    @Test
    void tolerantAddressFormsAndQualification() {
        smtp.start();
        smtp.send("EHLO x");
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM: <root>"));
        assertEquals("250 2.1.5 Ok\r\n", smtp.send("RCPT TO: alice"));
        assertEquals("250 2.1.5 Ok\r\n", smtp.send("RCPT TO:<@relay.example,@other.example:alice@localhost>"));
        smtp.send("DATA");
        smtp.pipeline("x", ".");
        Queued message = smtp.queue.committed().get(0);
        assertEquals(MailAddress.of("root", "host"), message.envelope().sender());
        assertEquals(List.of(MailAddress.of("alice", "host"), MailAddress.of("alice", "localhost")),
                message.envelope().recipients());
    }

    @Test
    void verbsAreCaseInsensitive() {
        smtp.start();
        assertEquals("250 host\r\n", smtp.send("helo x"));
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("mail from:<a@b.example>"));
        assertEquals("250 2.1.5 Ok\r\n", smtp.send("RcPt To:<alice@localhost>"));
        assertEquals("250 2.0.0 Ok\r\n", smtp.send("rset"));
    }

    @Test
    void simpleCommands() {
        smtp.start();
        assertEquals("250 2.0.0 Ok\r\n", smtp.send("NOOP"));
        assertEquals("250 2.0.0 Ok\r\n", smtp.send("NOOP whatever"));
        assertEquals("250 2.0.0 Ok\r\n", smtp.send("RSET"));
        assertEquals("501 5.5.4 Syntax: RSET\r\n", smtp.send("RSET now"));
        assertEquals("214 2.0.0 Commands: HELO EHLO STARTTLS MAIL RCPT DATA BDAT RSET NOOP VRFY QUIT HELP\r\n",
                smtp.send("HELP"));
        assertEquals("502 5.5.2 Error: command not recognized\r\n", smtp.send("EXPN staff"));
        assertEquals("503 5.5.1 Error: authentication not enabled\r\n", smtp.send("AUTH PLAIN AGFsaWNlAHNlY3JldA=="));
        assertEquals("501 Syntax: HELO hostname\r\n", smtp.send("HELO"));
        assertEquals("501 Syntax: EHLO hostname\r\n", smtp.send("EHLO  "));
        assertTrue(smtp.connection.isOpen());
    }

    @Test
    void heloAndRsetEndTheTransaction() {
        smtp.start();
        smtp.pipeline("EHLO x", "MAIL FROM:<a@b.example>");
        assertEquals("250 2.0.0 Ok\r\n", smtp.send("RSET"));
        assertEquals("503 5.5.1 Error: need MAIL command\r\n", smtp.send("RCPT TO:<alice@localhost>"));
        smtp.send("MAIL FROM:<a@b.example>");
        smtp.send("HELO again");
        assertEquals("503 5.5.1 Error: need MAIL command\r\n", smtp.send("RCPT TO:<alice@localhost>"));
    }

    @Test
    void heloNameIsNeuteredForTheReceivedHeader() {
        smtp.start();
        smtp.pipeline("HELO evil (injected) <x>", "MAIL FROM:<a@b.example>", "RCPT TO:<alice@localhost>", "DATA");
        smtp.pipeline("x", ".");
        assertTrue(smtp.queue.committed().get(0).content()
                .startsWith("Received: from evil??injected???x? (localhost [127.0.0.1])\n"));
    }

    @Test
    void vrfyAnswersInPostfixWords() {
        smtp.params.set("mynetworks", "192.0.2.0/24"); // a stranger: Postfix's relay defaults defer (454)
        smtp.start();
        assertEquals("252 2.0.0 alice\r\n", smtp.send("VRFY alice"));
        assertEquals("252 2.0.0 <alice@localhost>\r\n", smtp.send("VRFY <alice@localhost>"));
        assertEquals("550 5.1.1 <bob>: Recipient address rejected: User unknown in local recipient table\r\n",
                smtp.send("VRFY bob"));
        assertEquals("454 4.7.1 <x@example.com>: Relay access denied\r\n", smtp.send("VRFY x@example.com"));
        assertEquals("501 5.5.4 Syntax: VRFY address\r\n", smtp.send("VRFY"));
        assertEquals("501 5.1.3 Bad recipient address syntax\r\n", smtp.send("VRFY <a b>"));
    }

    @Test
    void vrfyCanBeDisabled() {
        smtp.params.set("disable_vrfy_command", "yes");
        smtp.start();
        assertEquals("502 5.5.1 VRFY command is disabled\r\n", smtp.send("VRFY alice"));
    }
}
