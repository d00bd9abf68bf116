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
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * {@code local_header_rewrite_clients} per listener, as master.cf's {@code -o} sets it: main.cf
 * makes no client local (an empty list; a {@code static:} table would make every client local,
 * whatever its value), and the shipped submission listener makes authenticated clients local. A
 * message without {@code Message-Id:} and {@code Date:} gets them, and its bare header names are
 * completed, when it comes through submission with AUTH, and is left as it is on port 25.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HeaderRewriteClientsIT {

    private static final Pattern QUEUED = Pattern.compile("250 2\\.0\\.0 Ok: queued as ([0-9A-F]{6,})");

    private int smtpPort;
    private int submissionPort;
    private Path alicesMaildir;

    @Configuration
    public Option[] configuration() {
        TestHome home = TestHome.create("rewrite-clients", "myhostname = mail.example.test",
                "local_header_rewrite_clients =", "auth_mechanisms = plain login");
        home.addUser("alice", "secret");
        try {
            // The submission listener exactly as shipped, on a free port.
            String shipped = Files.readString(Path.of("..", "configs", "tegami.listener-submission.cfg"), StandardCharsets.UTF_8);
            assertTrue(shipped, shipped.contains("\nlocal_header_rewrite_clients = permit_sasl_authenticated"));
            Files.writeString(home.home.resolve("configs/tegami.listener-submission.cfg"),
                    shipped.replaceAll("(?m)^port = \\d+$", "port = " + home.submissionPort), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return options(composite(TegamiOptions.tegami(home.home)),
                systemProperty("tegami.test.smtp").value(String.valueOf(home.smtpPort)),
                systemProperty("tegami.test.submission").value(String.valueOf(home.submissionPort)));
    }

    @Before
    public void awaitListeners() throws Exception {
        smtpPort = Integer.getInteger("tegami.test.smtp");
        submissionPort = Integer.getInteger("tegami.test.submission");
        alicesMaildir = Path.of(System.getProperty("tegami.home"), "data", "home", "alice", "Maildir");
        Net.awaitListening(smtpPort, 20_000);
        Net.awaitListening(submissionPort, 20_000);
    }

    private static String message(String marker) {
        return "From: alice@localhost\r\nTo: carol\r\nSubject: " + marker + "\r\n\r\nhello\r\n";
    }

    private static String transaction(SmtpClient smtp, String marker) throws IOException {
        assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<alice@localhost>"));
        assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<alice@localhost>"));
        assertTrue(smtp.command("DATA").startsWith("354"));
        smtp.send(message(marker));
        String reply = smtp.command(".");
        Matcher m = QUEUED.matcher(reply);
        assertTrue(reply, m.matches());
        smtp.command("QUIT");
        return m.group(1);
    }

    private static void ehlo(SmtpClient smtp) throws IOException {
        smtp.send("EHLO client.example\r\n");
        assertTrue(smtp.reply().get(0).startsWith("250"));
    }

    @Test
    public void anAuthenticatedSubmissionGetsTheMissingHeaders() throws Exception {
        String marker = "submission-" + System.nanoTime();
        String id;
        try (SmtpClient smtp = new SmtpClient(submissionPort)) {
            smtp.replyLine();
            ehlo(smtp);
            assertEquals("220 2.0.0 Ready to start TLS", smtp.command("STARTTLS"));
            smtp.use(Net.upgrade(smtp.socket(), submissionPort));
            ehlo(smtp);
            String auth = Base64.getEncoder().encodeToString("\0alice\0secret".getBytes(StandardCharsets.UTF_8));
            assertEquals("235 2.7.0 Authentication successful", smtp.command("AUTH PLAIN " + auth));
            id = transaction(smtp, marker);
        }
        String header = header(await(marker));
        assertTrue(header, header.contains("\nMessage-Id: <") && header.contains("." + id + "@mail.example.test>\n"));
        assertTrue(header, Pattern.compile("\nDate: \\w{3}, [ \\d]\\d \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}").matcher(header).find());
        assertTrue(header, header.contains("\nTo: carol@mail.example.test\n"));
    }

    @Test
    public void theSameMessageOnPort25IsLeftAlone() throws Exception {
        String marker = "port25-" + System.nanoTime();
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            ehlo(smtp);
            transaction(smtp, marker);
        }
        String header = header(await(marker));
        assertFalse(header, header.contains("Message-Id:"));
        assertFalse(header, header.contains("\nDate:"));
        assertTrue(header, header.contains("\nTo: carol\n"));
    }

    private static String header(String stored) {
        return stored.substring(0, stored.indexOf("\n\n") + 1);
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
