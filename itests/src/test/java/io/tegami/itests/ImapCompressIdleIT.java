package io.tegami.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * COMPRESS=DEFLATE (RFC 4978) with a real compressing client ({@link RawImap}, the JDK's zlib) on
 * the real listeners, in clear and inside TLS, and IDLE (RFC 2177) hearing of mail delivered over
 * SMTP, with and without compression: the store's event reaches the session thread through
 * {@code Connection.execute} and leaves as {@code * n EXISTS} at once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ImapCompressIdleIT {

    private int imapPort;
    private int imapsPort;
    private int smtpPort;

    @Configuration
    public Option[] configuration() throws IOException {
        // Dovecot's imap_zlib plugin: COMPRESS is offered only when it is loaded.
        TestHome home = TestHome.create("imap-compress", "mail_plugins = imap_zlib");
        for (String user : new String[] {"carol", "dave", "erin", "fred"}) {
            home.addUser(user, "secret-" + user);
        }
        int imap = TestHome.freePort();
        int imaps = TestHome.freePort();
        ImapIT.listener(home, "imap", imap, "starttls");
        ImapIT.listener(home, "imaps", imaps, "implicit");
        return options(composite(TegamiOptions.tegami(home.home)),
                systemProperty("tegami.test.imap").value(String.valueOf(imap)),
                systemProperty("tegami.test.imaps").value(String.valueOf(imaps)),
                systemProperty("tegami.test.smtp").value(String.valueOf(home.smtpPort)));
    }

    @Before
    public void awaitListeners() throws Exception {
        imapPort = Integer.getInteger("tegami.test.imap");
        imapsPort = Integer.getInteger("tegami.test.imaps");
        smtpPort = Integer.getInteger("tegami.test.smtp");
        Net.awaitListening(imapPort, 20_000);
        Net.awaitListening(imapsPort, 20_000);
        Net.awaitListening(smtpPort, 20_000);
    }

    /** Logs in and turns compression on; the greeting does not offer it, the login reply does. */
    private static void loginAndCompress(RawImap c, String user) throws IOException {
        String greeting = c.readLine();
        assertFalse(greeting, greeting.contains("COMPRESS"));
        String login = c.command("a1", "LOGIN " + user + " secret-" + user);
        assertTrue(login, login.contains(" COMPRESS=DEFLATE"));
        assertEquals("a2 OK Begin compression.\n", c.command("a2", "COMPRESS DEFLATE"));
        c.compress();
    }

    @Test
    public void aCompressedSessionAppendsFetchesAndLogsOut() throws Exception {
        StringBuilder text = new StringBuilder("Subject: compressed\r\nFrom: carol@localhost\r\n\r\n");
        for (int i = 0; i < 500; i++) {
            text.append("Line ").append(i).append(" of a very repetitive message body.\r\n");
        }
        byte[] body = text.toString().getBytes(StandardCharsets.US_ASCII);
        try (RawImap c = new RawImap(imapPort)) {
            loginAndCompress(c, "carol");
            c.send("a3 APPEND INBOX {" + body.length + "+}\r\n" + text + "\r\n");
            String append = c.until("a3 ");
            assertTrue(append, append.startsWith("a3 OK [APPENDUID "));
            String select = c.command("a4", "SELECT INBOX");
            assertTrue(select, select.contains("* 1 EXISTS\n") && select.contains("a4 OK [READ-WRITE]"));
            long before = c.wireOctets();
            c.send("a5 FETCH 1 BODY.PEEK[]\r\n");
            String head = c.readLine();
            assertEquals("* 1 FETCH (BODY[] {" + body.length + "}", head);
            assertArrayEquals(body, c.readBytes(body.length));
            assertEquals(")", c.readLine());
            assertEquals("a5 OK Fetch completed.", c.readLine());
            long onTheWire = c.wireOctets() - before;
            assertTrue("a " + body.length + "-octet message took " + onTheWire + " compressed octets",
                    onTheWire < body.length / 4);
            assertTrue(c.command("a6", "COMPRESS DEFLATE").startsWith("a6 NO [COMPRESSIONACTIVE]"));
            assertTrue(c.command("a7", "LOGOUT").endsWith("* BYE Logging out\na7 OK Logout completed.\n"));
        }
    }

    @Test
    public void compressionInsideImplicitTls() throws Exception {
        try (RawImap c = new RawImap(Net.connectTls(imapsPort))) {
            loginAndCompress(c, "erin");
            String list = c.command("b1", "LIST \"\" *");
            assertTrue(list, list.contains("INBOX") && list.contains("b1 OK List completed."));
            assertEquals("b2 OK NOOP completed.\n", c.command("b2", "NOOP"));
        }
    }

    @Test
    public void compressionAfterStartTls() throws Exception {
        try (RawImap c = new RawImap(imapPort)) {
            c.readLine();
            assertEquals("t1 OK Begin TLS negotiation now.\n", c.command("t1", "STARTTLS"));
            c.use(Net.upgrade(c.socket(), imapPort));
            assertTrue(c.command("t2", "LOGIN fred secret-fred").contains(" COMPRESS=DEFLATE"));
            assertEquals("t3 OK Begin compression.\n", c.command("t3", "COMPRESS DEFLATE"));
            c.compress();
            assertTrue(c.command("t4", "SELECT INBOX").contains("t4 OK [READ-WRITE]"));
        }
    }

    @Test
    public void idleHearsAnSmtpDeliveryInClear() throws Exception {
        try (RawImap c = new RawImap(imapPort)) {
            c.readLine();
            c.command("a1", "LOGIN dave secret-dave");
            idleThroughDelivery(c, "dave");
        }
    }

    @Test
    public void idleHearsAnSmtpDeliveryCompressed() throws Exception {
        try (RawImap c = new RawImap(imapPort)) {
            loginAndCompress(c, "dave");
            idleThroughDelivery(c, "dave");
        }
    }

    private void idleThroughDelivery(RawImap c, String user) throws Exception {
        String select = c.command("s1", "SELECT INBOX");
        Matcher m = Pattern.compile("\\* (\\d+) EXISTS").matcher(select);
        assertTrue(select, m.find());
        int before = Integer.parseInt(m.group(1));
        c.send("i1 IDLE\r\n");
        assertEquals("+ idling", c.readLine());
        deliver(user, "Delivered while idling " + System.nanoTime());
        long start = System.nanoTime();
        assertEquals("* " + (before + 1) + " EXISTS", c.readLine());
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Well before mailbox_idle_check_interval (30 s): the delivery's own event woke IDLE.
        assertTrue("EXISTS came after " + millis + " ms", millis < 10_000);
        assertTrue(c.readLine().matches("\\* \\d+ RECENT"));
        c.send("DONE\r\n");
        assertEquals("i1 OK Idle completed.", c.readLine());
        String fetch = c.command("f1", "FETCH " + (before + 1) + " (BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
        assertTrue(fetch, fetch.contains("Subject: Delivered while idling"));
    }

    private void deliver(String user, String subject) throws IOException {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.reply();
            smtp.command("EHLO client.example");
            assertTrue(smtp.command("MAIL FROM:<carol@localhost>").startsWith("250"));
            assertTrue(smtp.command("RCPT TO:<" + user + "@localhost>").startsWith("250"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            String reply = smtp.command("Subject: " + subject + "\r\n\r\nHello.\r\n.");
            assertTrue(reply, reply.startsWith("250"));
            smtp.command("QUIT");
        }
    }
}
