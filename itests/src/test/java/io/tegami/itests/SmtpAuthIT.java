package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;

import jakarta.mail.AuthenticationFailedException;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * SMTP AUTH (RFC 4954) through the real bundles: PLAIN, LOGIN and CRAM-MD5 over raw sockets, with
 * and without TLS, right and wrong passwords, the growing penalty, Angus Mail and swaks as
 * clients, and the CRAM-MD5 bundle stopped and started under a running server.
 *
 * <p>Failed logins slow down their client address for a while, so each test that fails a login
 * connects from a loopback address of its own (127.0.0.x) and the others keep their speed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SmtpAuthIT {

    private static final String OK = "235 2.7.0 Authentication successful";
    private static final String FAILED = "535 5.7.8 Error: authentication failed: authentication failure";

    @Inject
    private BundleContext context;

    private int smtpPort;
    private int submissionPort;
    private int smtpsPort;
    private Path alicesMaildir;

    @Configuration
    public Option[] configuration() {
        TestHome home = TestHome.create("smtp-auth", "auth_mechanisms = plain login cram-md5",
                "smtpd_sasl_authenticated_header = yes");
        home.addUser("alice", "secret");
        // As the shipped configs do it: SASL per listener, like master.cf's -o options.
        listener(home, "smtp", home.smtpPort, "starttls", "smtpd_sasl_auth_enable = yes\n");
        listener(home, "submission", home.submissionPort, "starttls",
                "smtpd_tls_security_level = encrypt\nsmtpd_sasl_auth_enable = yes\nsmtpd_tls_auth_only = yes\n");
        listener(home, "smtps", home.smtpsPort, "implicit", "smtpd_sasl_auth_enable = yes\n");
        return options(
                composite(TegamiOptions.tegami(home.home)),
                systemProperty("tegami.test.smtp").value(String.valueOf(home.smtpPort)),
                systemProperty("tegami.test.submission").value(String.valueOf(home.submissionPort)),
                systemProperty("tegami.test.smtps").value(String.valueOf(home.smtpsPort)));
    }

    private static void listener(TestHome home, String name, int port, String tls, String extra) {
        try {
            Files.writeString(home.home.resolve("configs").resolve("tegami.listener-" + name + ".cfg"),
                    "name = " + name + "\nprotocol = smtp\naddress = 127.0.0.1\nport = " + port + "\ntls = " + tls + "\n" + extra,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Before
    public void awaitListeners() throws Exception {
        smtpPort = Integer.getInteger("tegami.test.smtp");
        submissionPort = Integer.getInteger("tegami.test.submission");
        smtpsPort = Integer.getInteger("tegami.test.smtps");
        alicesMaildir = Path.of(System.getProperty("tegami.home"), "data", "home", "alice", "Maildir");
        Net.awaitListening(smtpPort, 20_000);
        Net.awaitListening(submissionPort, 20_000);
        Net.awaitListening(smtpsPort, 20_000);
        awaitEhlo("AUTH PLAIN LOGIN CRAM-MD5", 20_000);
    }

    @Test
    public void ehloOffersTheInstalledMechanismsInConfiguredOrder() throws Exception {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            List<String> ehlo = ehlo(smtp);
            assertTrue(String.join("\n", ehlo), ehlo.contains("250-AUTH PLAIN LOGIN CRAM-MD5"));
            assertFalse("no legacy AUTH= line unless broken_sasl_auth_clients", ehlo.stream().anyMatch(l -> l.contains("AUTH=")));
        }
    }

    @Test
    public void plainThenMailCarriesTheAuthenticatedSender() throws Exception {
        String marker = "plain-" + System.nanoTime();
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            ehlo(smtp);
            assertEquals(OK, smtp.command("AUTH PLAIN " + b64("\0alice\0secret")));
            assertEquals("503 5.5.1 Error: already authenticated", smtp.command("AUTH LOGIN"));
            send(smtp, marker);
        }
        String stored = awaitMessage(marker);
        assertTrue(stored, stored.contains("\t(Authenticated sender: alice)\n\tby "));
        assertTrue(stored, stored.contains(" with ESMTPA id "));
    }

    @Test
    public void plainWithoutInitialResponse() throws Exception {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            ehlo(smtp);
            assertEquals("334 ", smtp.command("AUTH PLAIN"));
            assertEquals(OK, smtp.command(b64("alice\0alice\0secret")));
        }
    }

    @Test
    public void loginRightPasswordAndCancel() throws Exception {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            ehlo(smtp);
            assertEquals("334 VXNlcm5hbWU6", smtp.command("AUTH LOGIN"));
            assertEquals("334 UGFzc3dvcmQ6", smtp.command(b64("alice")));
            assertEquals("501 5.7.0 Authentication aborted", smtp.command("*"));
            assertEquals("334 UGFzc3dvcmQ6", smtp.command("AUTH LOGIN " + b64("alice")));
            assertEquals(OK, smtp.command(b64("secret")));
        }
    }

    @Test
    public void cramMd5RightAndWrong() throws Exception {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            ehlo(smtp);
            assertEquals(OK, cram(smtp, "alice", "secret"));
        }
        try (SmtpClient smtp = new SmtpClient(from("127.0.0.41", smtpPort))) {
            ehlo(smtp);
            assertEquals(FAILED, cram(smtp, "alice", "wrong"));
        }
    }

    @Test
    public void wrongPasswordsAreSlowedDownMoreEachTimeAndForgivenOnSuccess() throws Exception {
        try (SmtpClient smtp = new SmtpClient(from("127.0.0.42", smtpPort))) {
            ehlo(smtp);
            long first = timed(() -> assertEquals(FAILED, smtp.command("AUTH PLAIN " + b64("\0alice\0wrong"))));
            long second = timed(() -> assertEquals(FAILED, smtp.command("AUTH PLAIN " + b64("\0nosuchuser\0wrong"))));
            assertTrue("first failure held about 2 s, was " + first + " ms", first >= 1_900 && first < 3_900);
            assertTrue("second failure held about 4 s, was " + second + " ms", second >= 3_900 && second < 7_900);
            assertEquals(OK, smtp.command("AUTH PLAIN " + b64("\0alice\0secret")));
        }
        try (SmtpClient smtp = new SmtpClient(from("127.0.0.42", smtpPort))) {
            ehlo(smtp);
            assertEquals("334 UGFzc3dvcmQ6", smtp.command("AUTH LOGIN " + b64("alice")));
            long again = timed(() -> assertEquals(FAILED, smtp.command(b64("wrong"))));
            assertTrue("a success forgave the address, was " + again + " ms", again >= 1_900 && again < 3_900);
        }
    }

    @Test
    public void submissionWantsTlsBeforeAuthAndOffersItAfter() throws Exception {
        String marker = "submission-" + System.nanoTime();
        try (SmtpClient smtp = new SmtpClient(submissionPort)) {
            List<String> clear = ehlo(smtp);
            assertFalse(String.join("\n", clear), clear.stream().anyMatch(l -> l.startsWith("250-AUTH")));
            assertEquals("530 5.7.0 Must issue a STARTTLS command first", smtp.command("AUTH PLAIN " + b64("\0alice\0secret")));
            assertEquals("220 2.0.0 Ready to start TLS", smtp.command("STARTTLS"));
            smtp.use(Net.upgrade(smtp.socket(), submissionPort));
            List<String> secure = ehlo(smtp);
            assertTrue(String.join("\n", secure), secure.contains("250-AUTH PLAIN LOGIN CRAM-MD5"));
            assertEquals(OK, smtp.command("AUTH PLAIN " + b64("\0alice\0secret")));
            send(smtp, marker);
        }
        String stored = awaitMessage(marker);
        assertTrue(stored, stored.contains(" with ESMTPSA id "));
        assertTrue(stored, stored.contains("(Authenticated sender: alice)"));
    }

    @Test
    public void wrongPasswordOverTls() throws Exception {
        try (SmtpClient smtp = new SmtpClient(Net.upgrade(from("127.0.0.43", smtpsPort), smtpsPort))) {
            assertTrue(smtp.replyLine().startsWith("220 "));
            smtp.send("EHLO client.example\r\n");
            smtp.reply();
            assertEquals("334 VXNlcm5hbWU6", smtp.command("AUTH LOGIN"));
            assertEquals("334 UGFzc3dvcmQ6", smtp.command(b64("alice")));
            assertEquals(FAILED, smtp.command(b64("wrong")));
        }
        try (SmtpClient smtp = new SmtpClient(Net.connectTls(smtpsPort))) {
            assertTrue(smtp.replyLine().startsWith("220 "));
            smtp.send("EHLO client.example\r\n");
            smtp.reply();
            assertEquals(OK, cram(smtp, "alice", "secret"));
        }
    }

    @Test
    public void angusMailAuthenticatesOverStarttls() throws Exception {
        String subject = "Angus AUTH " + System.nanoTime();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(SMTPTransport.class.getClassLoader());
        try {
            Session session = Session.getInstance(angus(submissionPort, null));
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("alice@localhost"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@localhost"));
            message.setSubject(subject);
            message.setText("Sent by an authenticated Angus Mail.\n", "UTF-8");
            message.saveChanges();
            try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
                transport.connect("alice", "secret");
                transport.sendMessage(message, message.getAllRecipients());
                assertTrue(transport.getLastServerResponse(), transport.getLastServerResponse().startsWith("250 2.0.0 Ok: queued as "));
            }
            String stored = awaitMessage(subject);
            assertTrue(stored, stored.contains("(Authenticated sender: alice)"));

            Session wrong = Session.getInstance(angus(submissionPort, "127.0.0.44"));
            try (SMTPTransport transport = (SMTPTransport) wrong.getTransport("smtp")) {
                transport.connect("alice", "wrong");
                fail("Angus Mail logged in with a wrong password");
            } catch (AuthenticationFailedException expected) {
                assertTrue(String.valueOf(expected.getMessage()), String.valueOf(expected.getMessage()).contains("535 5.7.8"));
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    public void swaksAuthenticatesWithEachMechanism() throws Exception {
        for (String mechanism : List.of("PLAIN", "LOGIN", "CRAM-MD5")) {
            String marker = "swaks-" + mechanism + "-" + System.nanoTime();
            Process swaks = new ProcessBuilder("swaks", "--server", "127.0.0.1", "--port", String.valueOf(smtpPort),
                    "--auth", mechanism, "--auth-user", "alice", "--auth-password", "secret",
                    "--from", "alice@localhost", "--to", "alice@localhost", "--header", "Subject: " + marker)
                    .redirectErrorStream(true).start();
            String out = new String(swaks.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue("swaks hangs", swaks.waitFor(60, TimeUnit.SECONDS));
            assertEquals(out, 0, swaks.exitValue());
            assertTrue(out, out.contains("235 2.7.0 Authentication successful"));
            awaitMessage(marker);
        }
    }

    @Test
    public void stoppingTheCramMd5BundleTakesItOutOfEhloAndStartingBringsItBack() throws Exception {
        Bundle cram = bundle("io.tegami.auth-crammd5");
        try {
            cram.stop();
            try (SmtpClient smtp = new SmtpClient(smtpPort)) {
                List<String> ehlo = ehlo(smtp);
                assertTrue(String.join("\n", ehlo), ehlo.contains("250-AUTH PLAIN LOGIN"));
                assertEquals("504 5.5.4 Unsupported authentication mechanism", smtp.command("AUTH CRAM-MD5"));
                assertEquals(OK, smtp.command("AUTH PLAIN " + b64("\0alice\0secret")));
            }
        } finally {
            cram.start();
        }
        awaitEhlo("AUTH PLAIN LOGIN CRAM-MD5", 10_000);
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            ehlo(smtp);
            assertEquals(OK, cram(smtp, "alice", "secret"));
        }
    }

    // ---- helpers ----

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the greeting if it is the first exchange, sends EHLO and returns its lines. */
    private static List<String> ehlo(SmtpClient smtp) throws IOException {
        smtp.send("EHLO client.example\r\n");
        List<String> reply = smtp.reply();
        if (!reply.isEmpty() && reply.get(0).startsWith("220")) {
            reply = smtp.reply();
        }
        return reply;
    }

    /** AUTH CRAM-MD5 with the JDK's HMAC-MD5, as a client computes it. */
    private static String cram(SmtpClient smtp, String user, String password) throws Exception {
        String challenge = smtp.command("AUTH CRAM-MD5");
        assertTrue(challenge, challenge.startsWith("334 "));
        byte[] decoded = Base64.getDecoder().decode(challenge.substring(4));
        assertTrue(new String(decoded, StandardCharsets.US_ASCII), new String(decoded, StandardCharsets.US_ASCII).matches("<\\d{16}\\.\\d+@.+>"));
        Mac mac = Mac.getInstance("HmacMD5");
        mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
        return smtp.command(b64(user + " " + HexFormat.of().formatHex(mac.doFinal(decoded))));
    }

    private static void send(SmtpClient smtp, String marker) throws IOException {
        assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<alice@localhost> AUTH=alice@localhost"));
        assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<alice@localhost>"));
        assertTrue(smtp.command("DATA").startsWith("354"));
        smtp.send("Subject: " + marker + "\r\n\r\nauthenticated\r\n");
        assertTrue(smtp.command(".").startsWith("250 2.0.0 Ok: queued as "));
        smtp.command("QUIT");
    }

    /** A connection from another loopback address, so that its penalty stays its own. */
    private static Socket from(String localAddress, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        return socket;
    }

    private static Properties angus(int port, String localAddress) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.auth", "true");
        props.put("mail.smtp.auth.mechanisms", "PLAIN");
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        props.put("mail.smtp.ssl.trust", "*");
        props.put("mail.smtp.timeout", "20000");
        if (localAddress != null) {
            props.put("mail.smtp.localaddress", localAddress);
        }
        return props;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static long timed(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void awaitEhlo(String line, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<String> last = List.of();
        while (System.currentTimeMillis() < deadline) {
            try (SmtpClient smtp = new SmtpClient(smtpPort)) {
                last = ehlo(smtp);
                if (last.contains("250-" + line)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("EHLO never offered " + line + ": " + last);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals(symbolicName)) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
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
