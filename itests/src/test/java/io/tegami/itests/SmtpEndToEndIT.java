package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import io.tegami.api.net.ProtocolHandler;
import io.tegami.api.queue.MailQueue;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Mail from SMTP into a Maildir, through the real bundles in Felix, over real sockets.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SmtpEndToEndIT {

    private static final Pattern QUEUED = Pattern.compile("250 2\\.0\\.0 Ok: queued as ([0-9A-F]{6,})");

    @Inject
    private BundleContext context;

    @Inject
    private MailQueue queue;

    @Inject
    @Filter("(protocol=smtp)")
    private ProtocolHandler smtpHandler;

    private int smtpPort;
    private int submissionPort;
    private int smtpsPort;
    private Path alicesMaildir;

    @Configuration
    public Option[] configuration() {
        // Postfix 3.9 normalizes bare LFs by default and exempts $mynetworks (loopback): the
        // smuggling test below wants the strict form, for this loopback client too.
        TestHome home = TestHome.create("smtp-e2e", "smtpd_forbid_bare_newline = reject",
                "smtpd_forbid_bare_newline_reject_code = 521", "smtpd_forbid_bare_newline_exclusions =");
        home.addUser("alice", "secret");
        return options(
                composite(TegamiOptions.tegami(home.home)),
                systemProperty("tegami.test.smtp").value(String.valueOf(home.smtpPort)),
                systemProperty("tegami.test.submission").value(String.valueOf(home.submissionPort)),
                systemProperty("tegami.test.smtps").value(String.valueOf(home.smtpsPort)));
    }

    @Before
    public void awaitListeners() throws Exception {
        smtpPort = Integer.getInteger("tegami.test.smtp");
        submissionPort = Integer.getInteger("tegami.test.submission");
        smtpsPort = Integer.getInteger("tegami.test.smtps");
        alicesMaildir = Path.of(System.getProperty("tegami.home"), "data", "home", "alice", "Maildir");
        Net.awaitListening(smtpPort, 20_000);
    }

    @Test
    public void classicTranscriptDeliversIntoAlicesMaildir() throws Exception {
        String queueId;
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            String greeting = smtp.replyLine();
            assertTrue(greeting, greeting.matches("220 \\S+ ESMTP Tegami"));
            assertTrue(smtp.command("HELO localhost").startsWith("250 "));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:root@localhost"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:alice@localhost"));
            assertEquals("354 End data with <CR><LF>.<CR><LF>", smtp.command("DATA"));
            smtp.send("test\r\n");
            String queued = smtp.command(".");
            Matcher m = QUEUED.matcher(queued);
            assertTrue(queued, m.matches());
            queueId = m.group(1);
            assertEquals("221 2.0.0 Bye", smtp.command("QUIT"));
        }
        String message = awaitMessageContaining(queueId);
        assertTrue(message, message.startsWith("Return-Path: <root@localhost>\nDelivered-To: alice@localhost\nReceived: from localhost"));
        assertTrue(message, message.endsWith("\ntest\n"));
        assertFalse("stored with LF line endings, as Dovecot and mutt expect", message.contains("\r"));
    }

    @Test
    public void unknownUsersAreRefusedAndOnlyMynetworksMayRelayAsPostfixDefaults() throws Exception {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            smtp.command("EHLO client.example");
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<root@localhost>"));
            assertEquals("550 5.1.1 <bob@localhost>: Recipient address rejected: User unknown in local recipient table",
                    smtp.command("RCPT TO:<bob@localhost>"));
            assertEquals("554 5.5.1 Error: no valid recipients", smtp.command("DATA"));
            // Loopback is in the default mynetworks, so it may relay (permit_mynetworks);
            // RelayControlIT refuses the same from outside mynetworks.
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<someone@example.com>"));
            assertEquals("250 2.0.0 Ok", smtp.command("RSET"));
            assertEquals("221 2.0.0 Bye", smtp.command("QUIT"));
        }
    }

    @Test
    public void ehloAdvertisesTheFirstCutExtensions() throws Exception {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            smtp.send("EHLO client.example\r\n");
            List<String> ehlo = smtp.reply();
            String all = String.join("\n", ehlo);
            for (String ext : List.of("PIPELINING", "SIZE 10240000", "8BITMIME", "ENHANCEDSTATUSCODES", "STARTTLS")) {
                assertTrue(all, ehlo.stream().anyMatch(l -> l.substring(4).equals(ext)));
            }
            assertTrue(all, ehlo.get(ehlo.size() - 1).startsWith("250 "));
        }
    }

    @Test
    public void bareLineFeedInDataIsRefused() throws Exception {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            smtp.command("EHLO client.example");
            smtp.command("MAIL FROM:<root@localhost>");
            smtp.command("RCPT TO:<alice@localhost>");
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send("Subject: smuggle\r\n\r\nhello\n.\nMAIL FROM:<evil@example.com>\r\n.\r\n");
            String reply = smtp.replyLine();
            assertNotNull(reply);
            assertTrue(reply, reply.startsWith("521 5.5.2 ") && reply.endsWith("Error: bare <LF> received"));
            assertNull("the server hangs up after a bare LF", smtp.replyLine());
        }
    }

    @Test
    public void angusMailSendsIntoTheMaildir() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(smtpPort));
        props.put("mail.smtp.starttls.enable", "false");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // Jakarta Mail finds its providers and content handlers through the context class loader.
        Thread.currentThread().setContextClassLoader(SMTPTransport.class.getClassLoader());
        try {
            Session session = Session.getInstance(props);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("sender@localhost"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@localhost"));
            message.setSubject("Hello from Angus " + System.nanoTime());
            message.setText("Sent through the real SMTP listener.\n", "UTF-8");
            message.saveChanges();
            try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
                transport.connect();
                transport.sendMessage(message, message.getAllRecipients());
                assertTrue(transport.getLastServerResponse(), transport.getLastServerResponse().startsWith("250 2.0.0 Ok: queued as "));
            }
            String stored = awaitMessageContaining(message.getSubject());
            assertTrue(stored, stored.contains("Sent through the real SMTP listener."));
            assertTrue(stored, stored.contains("Delivered-To: alice@localhost"));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    public void starttlsUpgradesAndMailFlowsOverTls() throws Exception {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            smtp.command("EHLO client.example");
            assertEquals("220 2.0.0 Ready to start TLS", smtp.command("STARTTLS"));
            smtp.use(Net.upgrade(smtp.socket(), smtpPort));
            smtp.send("EHLO client.example\r\n");
            List<String> ehlo = smtp.reply();
            assertTrue(String.join("\n", ehlo), ehlo.stream().noneMatch(l -> l.endsWith("STARTTLS")));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<root@localhost>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<alice@localhost>"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            String marker = "tls-" + System.nanoTime();
            smtp.send("Subject: " + marker + "\r\n\r\nover TLS\r\n");
            assertTrue(smtp.command(".").startsWith("250 2.0.0 Ok: queued as "));
            smtp.command("QUIT");
            String stored = awaitMessageContaining(marker);
            assertTrue(stored, stored.contains("with ESMTPS id"));
        }
    }

    @Test
    public void submissionRequiresTlsBeforeTheTransaction() throws Exception {
        Net.awaitListening(submissionPort, 20_000);
        try (SmtpClient smtp = new SmtpClient(submissionPort)) {
            smtp.replyLine();
            smtp.command("EHLO client.example");
            assertEquals("530 5.7.0 Must issue a STARTTLS command first", smtp.command("MAIL FROM:<root@localhost>"));
        }
    }

    @Test
    public void implicitTlsListenerGreetsOverTls() throws Exception {
        Net.awaitListening(smtpsPort, 20_000);
        try (SmtpClient smtp = new SmtpClient(Net.connectTls(smtpsPort))) {
            assertTrue(smtp.replyLine().startsWith("220 "));
            assertTrue(smtp.command("EHLO client.example").startsWith("250 "));
            assertEquals("221 2.0.0 Bye", smtp.command("QUIT"));
        }
    }

    @Test
    public void stoppingTheSmtpBundleClosesThePortAndStartingItServesAgain() throws Exception {
        Bundle smtpBundle = bundle("io.tegami.smtp");
        try (SmtpClient live = new SmtpClient(smtpPort)) {
            live.replyLine();
            assertTrue(live.command("EHLO client.example").startsWith("250 "));

            smtpBundle.stop();
            String goodbye = live.replyLine();
            assertNotNull("a live session hears 421 before the port closes", goodbye);
            assertTrue(goodbye, goodbye.startsWith("421 "));
            Net.awaitRefusing(smtpPort, 10_000);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), smtpPort)) {
                fail("port " + smtpPort + " still accepts with the smtp bundle stopped");
            } catch (ConnectException expected) {
                // refused, as it should be
            }
        } finally {
            smtpBundle.start();
        }
        Net.awaitListening(smtpPort, 20_000);
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            assertTrue(smtp.replyLine().startsWith("220 "));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<root@localhost>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<alice@localhost>"));
            smtp.command("QUIT");
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals(symbolicName)) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private String awaitMessageContaining(String marker) throws Exception {
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
