package io.tegami.itests;

import static org.junit.Assert.assertEquals;
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
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Postfix's SMTP access control through the real bundles: the classic open-relay battery is
 * refused, local mail and authenticated relaying are not, an access table rejects, and the
 * submission listener ties senders to logins. The test clients connect over loopback, so
 * {@code mynetworks} is set to a documentation network to make them strangers.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RelayControlIT {

    private static final String SYNTAX = "501 5.1.3 Bad recipient address syntax";

    /** Two {@code @} outside quotes: not even an address to Tegami's parser (Postfix parses, then refuses). */
    private static final List<String> NOT_ADDRESSES = List.of("<relaytest@relay-test.example@localhost>",
            "<relaytest@relay-test.example@[127.0.0.1]>", "<relaytest@relay-test.example.@localhost>");

    private static final List<String> RELAY_ATTEMPTS = List.of(
            "<relaytest@relay-test.example>",
            "<relaytest%relay-test.example@localhost>",
            "<relaytest%relay-test.example@[127.0.0.1]>",
            "<\"relaytest@relay-test.example\">",
            "<\"relaytest%relay-test.example\">",
            "<relaytest@relay-test.example@localhost>",
            "<\"relaytest@relay-test.example\"@localhost>",
            "<relaytest@relay-test.example@[127.0.0.1]>",
            "<@localhost:relaytest@relay-test.example>",
            "<@[127.0.0.1]:relaytest@relay-test.example>",
            "<relay-test.example!relaytest>",
            "<relay-test.example!relaytest@localhost>",
            "<relay-test.example!relaytest@[127.0.0.1]>",
            "<relaytest%relay-test.example@localhost.>",
            "<\"relay-test.example!relaytest\">",
            "<\"relay-test.example!relaytest\"@localhost>",
            "<relaytest@relay-test.example.@localhost>",
            "<\"relaytest%relay-test.example\"@localhost>",
            "<relaytest%relay-test.example>",
            "<relaytest@[127.0.0.1]>",
            "<relaytest@relay-test.example.>");

    private int smtpPort;
    private int submissionPort;
    private Path alicesMaildir;

    @Configuration
    public Option[] configuration() {
        TestHome home = TestHome.create("relay-control", "mynetworks = 192.0.2.0/24",
                "smtpd_recipient_restrictions = check_recipient_access texthash:access");
        home.addUser("alice", "secret");
        home.addUser("bob", "secret");
        write(home.home.resolve("access"), "blocked@localhost REJECT no mail for you\n");
        write(home.home.resolve("sender_login"), "alice@localhost alice\nbob@localhost bob\n");
        listener(home, "smtp", home.smtpPort, "starttls", "smtpd_sasl_auth_enable = yes\n");
        listener(home, "submission", home.submissionPort, "starttls", "smtpd_tls_security_level = encrypt\n"
                + "smtpd_sasl_auth_enable = yes\nsmtpd_tls_auth_only = yes\n"
                + "smtpd_recipient_restrictions = permit_sasl_authenticated, reject\n"
                + "smtpd_sender_login_maps = texthash:sender_login\n"
                + "smtpd_sender_restrictions = reject_sender_login_mismatch\n");
        return options(
                composite(TegamiOptions.tegami(home.home)),
                systemProperty("tegami.test.smtp").value(String.valueOf(home.smtpPort)),
                systemProperty("tegami.test.submission").value(String.valueOf(home.submissionPort)));
    }

    private static void listener(TestHome home, String name, int port, String tls, String extra) {
        write(home.home.resolve("configs").resolve("tegami.listener-" + name + ".cfg"),
                "name = " + name + "\nprotocol = smtp\naddress = 127.0.0.1\nport = " + port + "\ntls = " + tls + "\n" + extra);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Before
    public void awaitListeners() throws Exception {
        smtpPort = Integer.getInteger("tegami.test.smtp");
        submissionPort = Integer.getInteger("tegami.test.submission");
        alicesMaildir = Path.of(System.getProperty("tegami.home"), "data", "home", "alice", "Maildir");
        Net.awaitListening(smtpPort, 20_000);
        Net.awaitListening(submissionPort, 20_000);
    }

    @Test
    public void theRelayBatteryIsRefused() throws Exception {
        // smtpd_hard_error_limit (20) ends a session after so many refusals: ten per connection.
        for (int from = 0; from < RELAY_ATTEMPTS.size(); from += 10) {
            try (SmtpClient smtp = new SmtpClient(smtpPort)) {
                greetAndEhlo(smtp);
                assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<spammer@relay-test.example>"));
                for (String path : RELAY_ATTEMPTS.subList(from, Math.min(from + 10, RELAY_ATTEMPTS.size()))) {
                    String reply = smtp.command("RCPT TO:" + path);
                    if (NOT_ADDRESSES.contains(path)) {
                        assertEquals(path, SYNTAX, reply);
                    } else {
                        assertTrue(path + " -> " + reply, reply.matches("454 4\\.7\\.1 <.*>: Relay access denied"));
                    }
                }
                assertEquals("454 4.7.1 <relaytest%relay-test.example@localhost>: Relay access denied",
                        smtp.command("RCPT TO:<relaytest%relay-test.example@localhost>"));
                assertEquals("554 5.5.1 Error: no valid recipients", smtp.command("DATA"));
                assertEquals("221 2.0.0 Bye", smtp.command("QUIT"));
            }
        }
    }

    @Test
    public void localMailIsAcceptedAndDelivered() throws Exception {
        String marker = "relay-control-local-" + System.nanoTime();
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            greetAndEhlo(smtp);
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<someone@relay-test.example>"));
            assertEquals("550 5.1.1 <nobody@localhost>: Recipient address rejected: User unknown in local recipient table",
                    smtp.command("RCPT TO:<nobody@localhost>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<alice@localhost>"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send("Subject: " + marker + "\r\n\r\nfrom a stranger\r\n");
            assertTrue(smtp.command(".").startsWith("250 2.0.0 Ok: queued as "));
            smtp.command("QUIT");
        }
        awaitMessage(marker);
    }

    @Test
    public void anAccessTableRejects() throws Exception {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            greetAndEhlo(smtp);
            smtp.command("MAIL FROM:<someone@relay-test.example>");
            assertEquals("554 5.7.1 <blocked@localhost>: Recipient address rejected: no mail for you",
                    smtp.command("RCPT TO:<blocked@localhost>"));
        }
    }

    @Test
    public void authenticatedClientsMayRelay() throws Exception {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            greetAndEhlo(smtp);
            assertEquals("235 2.7.0 Authentication successful", smtp.command("AUTH PLAIN " + b64("\0alice\0secret")));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<alice@localhost>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<friend@relay-test.example>"));
            // Not sent: the point is that the recipient was taken, not an outbound delivery.
            assertEquals("250 2.0.0 Ok", smtp.command("RSET"));
        }
    }

    @Test
    public void submissionTiesSendersToLogins() throws Exception {
        String marker = "relay-control-submission-" + System.nanoTime();
        try (SmtpClient smtp = new SmtpClient(submissionPort)) {
            greetAndEhlo(smtp);
            assertEquals("220 2.0.0 Ready to start TLS", smtp.command("STARTTLS"));
            smtp.use(Net.upgrade(smtp.socket(), submissionPort));
            smtp.send("EHLO client.example\r\n");
            smtp.reply();
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<alice@localhost>"));
            assertEquals("553 5.7.1 <alice@localhost>: Sender address rejected: not logged in",
                    smtp.command("RCPT TO:<alice@localhost>"));
            assertEquals("250 2.0.0 Ok", smtp.command("RSET"));
            assertEquals("235 2.7.0 Authentication successful", smtp.command("AUTH PLAIN " + b64("\0alice\0secret")));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<bob@localhost>"));
            assertEquals("553 5.7.1 <bob@localhost>: Sender address rejected: not owned by user alice",
                    smtp.command("RCPT TO:<alice@localhost>"));
            assertEquals("250 2.0.0 Ok", smtp.command("RSET"));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<alice@localhost>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<alice@localhost>"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send("Subject: " + marker + "\r\n\r\nsubmitted\r\n");
            assertTrue(smtp.command(".").startsWith("250 2.0.0 Ok: queued as "));
            smtp.command("QUIT");
        }
        awaitMessage(marker);
    }

    private static void greetAndEhlo(SmtpClient smtp) throws IOException {
        String greeting = smtp.replyLine();
        assertTrue(greeting, greeting.startsWith("220 "));
        smtp.send("EHLO client.example\r\n");
        List<String> ehlo = smtp.reply();
        assertTrue(String.join("\n", ehlo), ehlo.get(ehlo.size() - 1).startsWith("250 "));
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private void awaitMessage(String marker) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (String m : Maildirs.read(alicesMaildir.resolve("new"))) {
                if (m.contains(marker)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no message containing " + marker + " in " + alicesMaildir);
    }
}
