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
 * The SMTP half of issue 11's security battery, over raw sockets against the real bundles, from a
 * client outside {@code mynetworks}: open relay with the null and unqualified senders (the 21
 * classic recipients are RelayControlIT's), SMTP smuggling in DATA and BDAT under both
 * {@code smtpd_forbid_bare_newline = normalize} (Postfix 3.9's default) and {@code reject},
 * STARTTLS command injection, AUTH before TLS under {@code smtpd_tls_auth_only}, and header
 * injection through envelope parameters. The IMAP, POP3 and ManageSieve half is in
 * {@link MailboxBattery}, run from here on the same server. Every test ends by checking that a
 * fresh session still works.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityBatteryIT {

    private static final List<String> SMUGGLED_ENDS = List.of("\n.\n", "\r.\r", "\r\n.\n", "\n.\r\n", "\r.\r\n", "\n.\r");

    private Ports ports;
    private Path home;

    /** The listeners of this test, from system properties set by the configuration. */
    record Ports(int smtp, int strict, int authOnly, int imap, int pop3, int sieve) {
    }

    @Configuration
    public Option[] configuration() throws IOException {
        TestHome h = TestHome.create("security", "mynetworks = 192.0.2.0/24", "auth_failure_delay = 1s",
                "myhostname = mail.example.test");
        h.addUser("alice", "secret");
        h.addUser("bob", "secret");
        int strict = TestHome.freePort();
        int imap = TestHome.freePort();
        int pop3 = TestHome.freePort();
        int sieve = TestHome.freePort();
        listener(h, "smtp", "smtp", h.smtpPort, "smtpd_sasl_auth_enable = yes\n");
        listener(h, "submission", "smtp", h.submissionPort, "smtpd_sasl_auth_enable = yes\nsmtpd_tls_auth_only = yes\n");
        listener(h, "strict", "smtp", strict, "smtpd_forbid_bare_newline = reject\n");
        listener(h, "imap", "imap", imap, "");
        listener(h, "pop3", "pop3", pop3, "");
        listener(h, "sieve", "sieve", sieve, "");
        return options(composite(TegamiOptions.tegami(h.home)),
                systemProperty("tegami.test.ports").value(h.smtpPort + "," + strict + "," + h.submissionPort + ","
                        + imap + "," + pop3 + "," + sieve));
    }

    private static void listener(TestHome h, String name, String protocol, int port, String extra) {
        try {
            Files.writeString(h.home.resolve("configs").resolve("tegami.listener-" + name + ".cfg"), "name = " + name
                    + "\nprotocol = " + protocol + "\naddress = 127.0.0.1\nport = " + port + "\ntls = starttls\n" + extra,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Before
    public void awaitListeners() throws Exception {
        String[] p = System.getProperty("tegami.test.ports").split(",");
        ports = new Ports(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]),
                Integer.parseInt(p[4]), Integer.parseInt(p[5]));
        home = Path.of(System.getProperty("tegami.home")).toAbsolutePath();
        for (String port : p) {
            Net.awaitListening(Integer.parseInt(port), 20_000);
        }
    }

    @Test
    public void nullAndUnqualifiedSendersCannotRelay() throws Exception {
        for (String sender : List.of("<>", "<spammer>", "spammer", "<alice@localhost>", "<postmaster>",
                "<@localhost:spammer@relay-test.example>", "<spammer@[127.0.0.1]>")) {
            try (SmtpClient smtp = ehlo(ports.smtp())) {
                String mail = Battery.noLeak(smtp.command("MAIL FROM:" + sender));
                if (mail.startsWith("250")) {
                    for (String rcpt : List.of("<relaytest@relay-test.example>", "<relaytest%relay-test.example@localhost>",
                            "<relay-test.example!relaytest@localhost>", "<@localhost:relaytest@relay-test.example>")) {
                        String reply = Battery.noLeak(smtp.command("RCPT TO:" + rcpt));
                        assertTrue(sender + " -> " + rcpt + ": " + reply, reply.matches("454 4\\.7\\.1 <.*>: Relay access denied"));
                    }
                    assertEquals("554 5.5.1 Error: no valid recipients", smtp.command("DATA"));
                } else {
                    assertTrue(sender + ": " + mail, mail.startsWith("5"));
                }
            }
        }
        Battery.smtpWorks(ports.smtp());
    }

    @Test
    public void smuggledEndsOfDataStayInsideTheFirstMessage() throws Exception {
        for (int i = 0; i < SMUGGLED_ENDS.size(); i++) {
            String marker = "smuggle-" + i + "-" + System.nanoTime();
            try (SmtpClient smtp = ehlo(ports.smtp())) {
                openData(smtp, "<alice@localhost>");
                smtp.send("Subject: " + marker + "\r\n\r\nhello" + SMUGGLED_ENDS.get(i) + smuggled(marker));
                String end = Battery.noLeak(smtp.replyLine());
                assertTrue(i + ": " + end, end.startsWith("250 2.0.0 Ok: queued as "));
                // One reply only: a second would mean the smuggled MAIL was taken as a command.
                assertEquals(i + ": smuggled commands were answered", "221 2.0.0 Bye", smtp.command("QUIT"));
            }
            String message = awaitMessage("alice", marker);
            // In the body of the one message, after the blank line that ends its header.
            assertTrue(message, message.indexOf("MAIL FROM:<evil@example.com>") > message.indexOf("\n\n"));
            assertTrue(message, message.indexOf("\n\n") > 0);
            assertEquals(1, count("alice", marker));
        }
        assertNoSmuggledMessage();
        Battery.smtpWorks(ports.smtp());
    }

    @Test
    public void rejectModeRefusesBareNewlinesAndRunsNothingSmuggled() throws Exception {
        for (int i = 0; i < SMUGGLED_ENDS.size(); i++) {
            String marker = "strict-" + i + "-" + System.nanoTime();
            try (SmtpClient smtp = ehlo(ports.strict())) {
                openData(smtp, "<alice@localhost>");
                smtp.send("Subject: " + marker + "\r\n\r\nhello" + SMUGGLED_ENDS.get(i) + smuggled(marker));
                String end = Battery.noLeak(smtp.replyLine());
                // Postfix 3.9 refuses the whole message at its end when any line ended in a bare LF.
                boolean bareLf = SMUGGLED_ENDS.get(i).replace("\r\n", "").contains("\n");
                assertTrue(i + ": " + end, bareLf ? end.matches("550 5\\.5\\.2 (.* )?Error: bare <LF> received")
                        : end.startsWith("250 2.0.0 Ok: queued as "));
                assertEquals(i + ": smuggled commands were answered", "221 2.0.0 Bye", smtp.command("QUIT"));
            }
        }
        Thread.sleep(1_000);
        assertNoSmuggledMessage();
        Battery.smtpWorks(ports.strict());
    }

    @Test
    public void bareLineEndsInsideBdatChunksAreContent() throws Exception {
        String marker = "bdat-smuggle-" + System.nanoTime();
        String chunk = "Subject: " + marker + "\r\n\r\nhello\n.\n" + smuggled(marker) + "\r\n.\r\nQUIT\r\n\r.\r";
        try (SmtpClient smtp = ehlo(ports.smtp())) {
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<someone@relay-test.example>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<alice@localhost>"));
            smtp.send("BDAT " + chunk.length() + " LAST\r\n" + chunk);
            String reply = Battery.noLeak(smtp.replyLine());
            assertTrue(reply, reply.matches("250 2\\.0\\.0 Ok: [0-9]+ bytes queued as [0-9A-Za-z]+"));
            assertEquals("221 2.0.0 Bye", smtp.command("QUIT"));
        }
        String message = awaitMessage("alice", marker);
        assertTrue(message, message.contains("MAIL FROM:<evil@example.com>"));
        assertNoSmuggledMessage();
        Battery.smtpWorks(ports.smtp());
    }

    @Test
    public void commandsPipelinedBehindStarttlsAreDiscarded() throws Exception {
        try (SmtpClient smtp = ehlo(ports.smtp())) {
            smtp.send("STARTTLS\r\nRSET\r\nMAIL FROM:<injected@example.com>\r\n");
            assertEquals("220 2.0.0 Ready to start TLS", smtp.replyLine());
            smtp.use(Net.upgrade(smtp.socket(), ports.smtp()));
            smtp.send("EHLO client.example\r\n");
            List<String> ehlo = smtp.reply();
            // The first reply over TLS is EHLO's; an injected RSET would have answered "250 2.0.0 Ok".
            assertTrue(String.join("\n", ehlo), ehlo.size() > 1 && ehlo.get(0).startsWith("250-"));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<someone@relay-test.example>"));
            assertEquals("221 2.0.0 Bye", smtp.command("QUIT"));
        }
        Battery.smtpWorks(ports.smtp());
    }

    @Test
    public void noAuthBeforeTlsWhereTlsAuthOnly() throws Exception {
        String creds = Base64.getEncoder().encodeToString("\0alice\0secret".getBytes(StandardCharsets.UTF_8));
        try (SmtpClient smtp = new SmtpClient(ports.authOnly())) {
            smtp.replyLine();
            smtp.send("EHLO client.example\r\n");
            String ehlo = String.join("\n", smtp.reply());
            assertFalse(ehlo, ehlo.contains("AUTH"));
            String auth = Battery.noLeak(smtp.command("AUTH PLAIN " + creds));
            // Postfix says 503 (AUTH not enabled); RFC 4954's 538 (encryption required) is as good.
            assertTrue(auth, auth.startsWith("503 5.5.1 ") || auth.startsWith("530 5.7.0 ") || auth.startsWith("538 5.7.11 "));
            assertEquals("220 2.0.0 Ready to start TLS", smtp.command("STARTTLS"));
            smtp.use(Net.upgrade(smtp.socket(), ports.authOnly()));
            smtp.send("EHLO client.example\r\n");
            assertTrue(String.join("\n", smtp.reply()).contains("AUTH PLAIN"));
            assertEquals("235 2.7.0 Authentication successful", smtp.command("AUTH PLAIN " + creds));
        }
    }

    @Test
    public void envelopeParametersCannotInjectHeaders() throws Exception {
        String marker = "inject-" + System.nanoTime();
        try (SmtpClient smtp = ehlo(ports.smtp())) {
            assertEquals("501 5.5.4 Bad ENVID parameter syntax",
                    smtp.command("MAIL FROM:<someone@relay-test.example> ENVID=x+0D+0ABcc:+20evil@example.com"));
            assertEquals("501 5.5.4 Bad ENVID parameter syntax",
                    smtp.command("MAIL FROM:<someone@relay-test.example> ENVID=x+0ABcc:+20evil@example.com"));
            // A line break in the command itself splits it: the second line is no command at all.
            smtp.send("MAIL FROM:<someone@relay-test.example> RET=HDRS\r\nBcc: evil@example.com\r\n");
            assertEquals("250 2.1.0 Ok", smtp.replyLine());
            String bcc = Battery.noLeak(smtp.replyLine());
            // Postfix takes a header-like command for a web or proxy attack and hangs up (smtpd_forbidden_commands).
            assertTrue(bcc, bcc.startsWith("50") || bcc.equals("221 2.7.0 Error: I can break rules, too. Goodbye."));
        }
        try (SmtpClient smtp = ehlo(ports.smtp())) {
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<someone@relay-test.example> RET=HDRS ENVID=" + marker));
            assertEquals("501 5.5.4 Error: Bad ORCPT parameter syntax",
                    smtp.command("RCPT TO:<alice@localhost> ORCPT=rfc822;a@b+0D+0ABcc:+20evil@example.com"));
            String bareCr = Battery.noLeak(smtp.command("RCPT TO:<alice@localhost> NOTIFY=FAILURE\rBcc: evil@example.com"));
            assertFalse(bareCr, bareCr.startsWith("250"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<alice@localhost> ORCPT=rfc822;x+2By@example.org"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send("Subject: " + marker + "\r\n\r\nbody\r\n");
            assertTrue(smtp.command(".").startsWith("250 2.0.0 Ok: queued as "));
        }
        String message = awaitMessage("alice", marker);
        String headers = message.substring(0, Math.max(0, message.indexOf("\n\n")));
        assertFalse(headers, headers.contains("evil@example.com"));
        assertFalse(headers, headers.matches("(?s)(.*\n)?Bcc:.*"));
        Battery.smtpWorks(ports.smtp());
    }

    @Test
    public void imapAttacks() throws Exception {
        MailboxBattery battery = new MailboxBattery(ports, home);
        battery.imapTraversal();
        battery.imapLiteralBombs();
        battery.imapNestingEncodingAndSequenceBombs();
    }

    @Test
    public void pop3AndManageSieveAttacks() throws Exception {
        MailboxBattery battery = new MailboxBattery(ports, home);
        battery.pop3Garbage();
        battery.sieveScriptNames();
    }

    @Test
    public void loginBruteForceMeetsThePenalty() throws Exception {
        new MailboxBattery(ports, home).bruteForce();
    }

    /**
     * The text a smuggler hides after a fake end of data: a second transaction to bob. Its own
     * CRLF.CRLF is the real end of the first message for a server that is not fooled.
     */
    private static String smuggled(String marker) {
        return "MAIL FROM:<evil@example.com>\r\nRCPT TO:<bob@localhost>\r\nDATA\r\nSubject: smuggled " + marker
                + "\r\n\r\nevil\r\n.\r\n";
    }

    private static SmtpClient ehlo(int port) throws IOException {
        SmtpClient smtp = new SmtpClient(port);
        assertTrue(smtp.replyLine().startsWith("220 "));
        smtp.send("EHLO client.example\r\n");
        smtp.reply();
        return smtp;
    }

    private static void openData(SmtpClient smtp, String rcpt) throws IOException {
        assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<someone@relay-test.example>"));
        assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:" + rcpt));
        assertTrue(smtp.command("DATA").startsWith("354"));
    }

    /** No message in bob's Maildir: every smuggled transaction was addressed to him. */
    private void assertNoSmuggledMessage() throws IOException {
        Path bob = home.resolve("data/home/bob/Maildir/new");
        assertEquals("a smuggled message was delivered", List.of(), Files.isDirectory(bob) ? Maildirs.read(bob) : List.of());
    }

    private String awaitMessage(String user, String marker) throws Exception {
        return Battery.awaitMessage(home.resolve("data/home").resolve(user).resolve("Maildir/new"), marker);
    }

    private int count(String user, String marker) throws IOException {
        return (int) Maildirs.read(home.resolve("data/home").resolve(user).resolve("Maildir/new")).stream()
                .filter(m -> m.contains(marker)).count();
    }
}
