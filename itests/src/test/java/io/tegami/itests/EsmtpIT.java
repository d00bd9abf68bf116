package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The ESMTP extensions over real sockets and the real bundles: swaks (Debian) with STARTTLS, AUTH
 * and PIPELINING; CHUNKING, DSN and the pipelining and bare-newline rules over a raw socket, since
 * Debian's swaks (2020) has neither BDAT nor DSN options. A DSN about a recipient the local
 * delivery agent does not know ({@code local_recipient_maps =} lets it past RCPT, as in Postfix)
 * comes back into the sender's Maildir.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EsmtpIT {

    private int smtpPort;
    private Path alicesMaildir;

    @Configuration
    public Option[] configuration() {
        TestHome home = TestHome.create("esmtp", "local_recipient_maps =",
                // Loopback is in $mynetworks, which Postfix exempts from the bare-newline rules.
                "smtpd_forbid_bare_newline_exclusions =");
        home.addUser("alice", "secret");
        try {
            Files.writeString(home.home.resolve("configs").resolve("tegami.listener-smtp.cfg"),
                    "name = smtp\nprotocol = smtp\naddress = 127.0.0.1\nport = " + home.smtpPort
                            + "\ntls = starttls\nsmtpd_sasl_auth_enable = yes\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return options(composite(TegamiOptions.tegami(home.home)),
                systemProperty("tegami.test.smtp").value(String.valueOf(home.smtpPort)));
    }

    @Before
    public void awaitListener() throws Exception {
        smtpPort = Integer.getInteger("tegami.test.smtp");
        alicesMaildir = Path.of(System.getProperty("tegami.home"), "data", "home", "alice", "Maildir");
        Net.awaitListening(smtpPort, 20_000);
    }

    @Test
    public void ehloAnnouncesDsnSmtputf8AndChunking() throws Exception {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            smtp.send("EHLO client.example\r\n");
            List<String> ehlo = smtp.reply();
            String all = String.join("\n", ehlo);
            assertTrue(all, all.endsWith("250-ENHANCEDSTATUSCODES\n250-8BITMIME\n250-DSN\n250-SMTPUTF8\n250 CHUNKING"));
            assertTrue(all, ehlo.contains("250-PIPELINING"));
        }
    }

    @Test
    public void swaksPipelinesOverStarttlsWithAuth() throws Exception {
        String marker = "swaks-pipe-" + System.nanoTime();
        Process swaks = new ProcessBuilder("swaks", "--server", "127.0.0.1", "--port", String.valueOf(smtpPort),
                "--tls", "--pipeline", "--auth", "PLAIN", "--auth-user", "alice", "--auth-password", "secret",
                "--from", "alice@localhost", "--to", "alice@localhost", "--header", "Subject: " + marker)
                .redirectErrorStream(true).start();
        String out = new String(swaks.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("swaks hangs", swaks.waitFor(60, TimeUnit.SECONDS));
        assertEquals(out, 0, swaks.exitValue());
        assertTrue(out, out.contains("220 2.0.0 Ready to start TLS"));
        assertTrue(out, out.contains("235 2.7.0 Authentication successful"));
        assertFalse(out, out.contains("554 5.5.0"));
        String message = awaitMessage(marker);
        assertTrue(message, message.contains("with ESMTPSA id "));
    }

    @Test
    public void chunkingTakesRawOctetsAndQueuesOnTheLastChunk() throws Exception {
        String marker = "bdat-" + System.nanoTime();
        String first = "Subject: " + marker + "\r\n\r\n.\r\nnot the end\r\n";
        String second = "..stays\rCR\r\n";
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            smtp.send("EHLO client.example\r\n");
            smtp.reply();
            // PIPELINING lets MAIL, RCPT and the chunks go out at once (RFC 3030 section 4.2).
            smtp.send("MAIL FROM:<alice@localhost>\r\nRCPT TO:<alice@localhost>\r\nBDAT " + first.length() + "\r\n"
                    + first + "BDAT " + second.length() + " LAST\r\n" + second);
            assertEquals("250 2.1.0 Ok", smtp.replyLine());
            assertEquals("250 2.1.5 Ok", smtp.replyLine());
            assertEquals("250 2.0.0 Ok: " + first.length() + " bytes", smtp.replyLine());
            String last = smtp.replyLine();
            assertTrue(last, last.matches("250 2\\.0\\.0 Ok: " + (first.length() + second.length())
                    + " bytes queued as [0-9A-Za-z]+"));
            smtp.send("BDAT 1 LAST\r\nx");
            assertEquals("503 5.5.1 Error: need RCPT command", smtp.replyLine());
        }
        String message = awaitMessage(marker);
        assertTrue(message, message.contains("\n\n.\nnot the end\n..stays CR\n"));
    }

    @Test
    public void aBounceCarriesTheOriginalRecipientAndEnvelopeIdBackToTheSender() throws Exception {
        String marker = "dsn-" + System.nanoTime();
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            smtp.send("EHLO client.example\r\n");
            smtp.reply();
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<alice@localhost> RET=HDRS ENVID=" + marker + "+2Benv"));
            assertEquals("250 2.1.5 Ok",
                    smtp.command("RCPT TO:<nosuchuser@localhost> NOTIFY=FAILURE ORCPT=rfc822;original+2Buser@example.org"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send("Subject: " + marker + "\r\n\r\nSECRET BODY\r\n");
            assertTrue(smtp.command(".").startsWith("250 2.0.0 Ok: queued as "));
        }
        String dsn = awaitMessage("Original-Envelope-Id: " + marker + "+env");
        assertTrue(dsn, dsn.contains("Subject: Undelivered Mail Returned to Sender"));
        assertTrue(dsn, dsn.contains("\nFinal-Recipient: rfc822; nosuchuser@localhost\n"
                + "Original-Recipient: rfc822;original+user@example.org\nAction: failed\nStatus: 5.1.1\n"));
        assertTrue(dsn, dsn.contains("Content-Type: text/rfc822-headers\n\nReturn-Path: <alice@localhost>\n"));
        assertTrue(dsn, dsn.contains("Subject: " + marker + "\n"));
        assertFalse("RET=HDRS: no body", dsn.contains("SECRET BODY"));
    }

    @Test
    public void notifyNeverMeansNoBounce() throws Exception {
        String quiet = "quiet-" + System.nanoTime();
        String loud = "loud-" + System.nanoTime();
        sendTo("<nosuchuser@localhost> NOTIFY=NEVER", quiet);
        sendTo("<nosuchuser@localhost>", loud);
        awaitMessage("Subject: " + loud);
        Thread.sleep(1_000);
        for (String m : Maildirs.read(alicesMaildir.resolve("new"))) {
            assertFalse(m, m.contains(quiet));
        }
    }

    @Test
    public void clientsThatPipelineWithoutEhloAreCutOff() throws Exception {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            smtp.send("HELO client.example\r\nMAIL FROM:<alice@localhost>\r\n");
            assertEquals("554 5.5.0 Error: SMTP protocol synchronization", smtp.replyLine());
            assertNull(smtp.replyLine());
        }
    }

    @Test
    public void aSmuggledEndOfDataIsNotOne() throws Exception {
        String marker = "smuggle-" + System.nanoTime();
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            smtp.command("EHLO client.example");
            smtp.command("MAIL FROM:<alice@localhost>");
            smtp.command("RCPT TO:<alice@localhost>");
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send("Subject: " + marker + "\r\n\r\nhello\n.\nMAIL FROM:<evil@example.com>\r\nx\r.\r\n.\r\n");
            assertTrue(smtp.replyLine().startsWith("250 2.0.0 Ok: queued as "));
            assertEquals("221 2.0.0 Bye", smtp.command("QUIT"));
        }
        String message = awaitMessage(marker);
        assertTrue(message, message.contains("\nhello\nMAIL FROM:<evil@example.com>\nx .\n"));
    }

    private void sendTo(String rcptArgument, String subject) throws IOException {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            smtp.send("EHLO client.example\r\n");
            smtp.reply();
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<alice@localhost>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:" + rcptArgument));
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send("Subject: " + subject + "\r\n\r\nbody\r\n");
            assertTrue(smtp.command(".").startsWith("250 "));
        }
    }

    private String awaitMessage(String marker) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (String m : Maildirs.read(alicesMaildir.resolve("new"))) {
                if (m.contains(marker)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no message containing " + marker + " in " + alicesMaildir);
    }
}
