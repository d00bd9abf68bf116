package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import io.tegami.api.queue.MailQueue;
import io.tegami.api.rewrite.AddressRewriter;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Postfix's cleanup in the real container: sender_canonical_maps and recipient_canonical_maps
 * rewrite the envelope (seen in the Return-Path: and Delivered-To: that local delivery writes) and
 * the headers of mail from a local client, and a message without Message-Id: and Date: gets them.
 * The SMTP server accepts a recipient that only recipient_canonical_maps knows, as Postfix does.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CanonicalIT {

    private static final Pattern QUEUED = Pattern.compile("250 2\\.0\\.0 Ok: queued as ([0-9A-F]{6,})");

    @Inject
    private MailQueue queue;

    @Inject
    private AddressRewriter canonical;

    private int smtpPort;
    private Path alicesMaildir;

    @Configuration
    public Option[] configuration() {
        TestHome home = TestHome.create("canonical",
                "myhostname = mail.example.test",
                "sender_canonical_maps = hash:sender_canonical",
                "recipient_canonical_maps = texthash:recipient_canonical",
                "recipient_delimiter = +");
        home.addUser("alice", "secret");
        home.addUser("bob", "secret");
        write(home.home.resolve("sender_canonical"), "bob@localhost  Bob.Builder@example.com\n"
                + "bob  Bob.Builder@example.com\n");
        // Mail for bob goes to alice (bob's mailbox exists, so the SMTP server accepts him first);
        // sales has no mailbox: the SMTP server accepts it because the map makes it alice.
        write(home.home.resolve("recipient_canonical"), "bob@localhost  alice@localhost\n"
                + "sales@localhost  alice@localhost\n");
        return options(composite(TegamiOptions.tegami(home.home)),
                systemProperty("tegami.test.smtp").value(String.valueOf(home.smtpPort)));
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Before
    public void awaitListener() throws Exception {
        smtpPort = Integer.getInteger("tegami.test.smtp");
        alicesMaildir = Path.of(System.getProperty("tegami.home"), "data", "home", "alice", "Maildir");
        Net.awaitListening(smtpPort, 20_000);
    }

    private String submit(String from, String to, String content) throws Exception {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            assertTrue(smtp.command("EHLO client.example").startsWith("250"));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<" + from + ">"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<" + to + ">"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send(content.replace("\n", "\r\n"));
            String reply = smtp.command(".");
            Matcher m = QUEUED.matcher(reply);
            assertTrue(reply, m.matches());
            smtp.command("QUIT");
            return m.group(1);
        }
    }

    @Test
    public void envelopeAndHeadersAreRewrittenAndMissingHeadersAdded() throws Exception {
        String marker = "canonical-" + System.nanoTime();
        String id = submit("bob@localhost", "bob+news@localhost",
                "From: \"Bob B.\" (the builder) <bob@localhost>\n"
                        + "To: Bob <bob@localhost>, carol\n"
                        + "Subject: " + marker + "\n"
                        + "\n"
                        + "From: bob@localhost in the body stays\n");
        String stored = await(marker);
        String header = stored.substring(0, stored.indexOf("\n\n") + 1);
        String body = stored.substring(stored.indexOf("\n\n") + 2);
        assertTrue(stored, stored.startsWith("Return-Path: <Bob.Builder@example.com>\n"));
        assertTrue(header, header.contains("\nDelivered-To: alice+news@localhost\n"));
        assertTrue(header, header.contains("\nFrom: \"Bob B.\" (the builder) <Bob.Builder@example.com>\n"));
        assertTrue(header, header.contains("\nTo: Bob <alice@localhost>, carol@mail.example.test\n"));
        assertTrue(header, header.contains("\nMessage-Id: <") && header.contains("." + id + "@mail.example.test>\n"));
        assertTrue(header, Pattern.compile("\nDate: \\w{3}, [ \\d]\\d \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4} \\(.+\\)\n")
                .matcher(header).find());
        assertEquals("From: bob@localhost in the body stays\n", body);
    }

    @Test
    public void presentHeadersAreKeptAndBccDropped() throws Exception {
        String marker = "kept-" + System.nanoTime();
        submit("alice@localhost", "alice@localhost",
                "Message-ID: <own@client.example>\nDate: Fri, 27 Nov 2020 20:10:00 +0100\nFrom: alice@localhost\n"
                        + "Bcc: secret@example.net\nSubject: " + marker + "\n\nhi\n");
        String stored = await(marker);
        assertTrue(stored, stored.startsWith("Return-Path: <alice@localhost>\nDelivered-To: alice@localhost\n"));
        assertTrue(stored, stored.contains("\nMessage-ID: <own@client.example>\n"));
        assertFalse(stored, stored.contains("Message-Id: <"));
        assertFalse(stored, stored.contains("\nDate: Fri, 27 Nov 2020 20:10:00 +0100\nDate:"));
        assertFalse(stored, stored.contains("Bcc:"));
        assertTrue(canonical != null && queue != null);
    }

    @Test
    public void aNameOnlyTheRecipientMapKnowsIsAcceptedAndDeliveredToItsTarget() throws Exception {
        String marker = "sales-" + System.nanoTime();
        submit("alice@localhost", "sales@localhost", "From: alice@localhost\nSubject: " + marker + "\n\nhi\n");
        String stored = await(marker);
        assertTrue(stored, stored.startsWith("Return-Path: <alice@localhost>\nDelivered-To: alice@localhost\n"));
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            assertTrue(smtp.command("EHLO client.example").startsWith("250"));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<alice@localhost>"));
            assertEquals("550 5.1.1 <nosuch@localhost>: Recipient address rejected: User unknown in local recipient table",
                    smtp.command("RCPT TO:<nosuch@localhost>"));
        }
    }

    private String await(String marker) throws Exception {
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
