package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import io.tegami.api.store.MailStore;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * The POP3 server on its real listeners over a Maildir store: a raw transcript (stuffing, octet
 * counts, Dovecot-compatible UIDLs), Angus Mail, Python's poplib (also over STLS) and fetchmail
 * retrieving and deleting mail delivered over SMTP, the UPDATE state with a dropped connection,
 * the {@code [IN-USE]} lock, and implicit TLS on the pop3s listener. Each test uses users of its
 * own, since the container is shared by the class.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class Pop3IT {

    @Inject
    @Filter("(type=maildir)")
    private MailStore maildir;

    private Path home;
    private int smtpPort;
    private int pop3Port;
    private int pop3sPort;

    @Configuration
    public Option[] configuration() throws Exception {
        TestHome h = TestHome.create("pop3", "mail_location = maildir:~/Maildir");
        for (String user : Pop3Peers.SCENARIO_USERS) {
            h.addUser(user, "secret-" + user);
        }
        for (String user : new String[] {"alice", "dora", "ivan", "tina", "stan"}) {
            h.addUser(user, "secret-" + user);
        }
        int pop3 = TestHome.freePort();
        int pop3s = TestHome.freePort();
        Pop3Peers.writeListeners(h.home, pop3, pop3s);
        return options(composite(TegamiOptions.tegami(h.home)),
                systemProperty("tegami.test.smtp").value(String.valueOf(h.smtpPort)),
                systemProperty("tegami.test.pop3").value(String.valueOf(pop3)),
                systemProperty("tegami.test.pop3s").value(String.valueOf(pop3s)));
    }

    @Before
    public void setUp() throws Exception {
        home = Path.of(System.getProperty("tegami.home"));
        smtpPort = Integer.getInteger("tegami.test.smtp");
        pop3Port = Integer.getInteger("tegami.test.pop3");
        pop3sPort = Integer.getInteger("tegami.test.pop3s");
        Net.awaitListening(smtpPort, 20_000);
        Net.awaitListening(pop3Port, 20_000);
        Net.awaitListening(pop3sPort, 20_000);
    }

    @Test
    public void transcript() throws Exception {
        String body = "line 1\r\n.starts with a dot\r\nline 3\r\n";
        Pop3Peers.deliver(smtpPort, "alice", "transcript", body);
        Pop3Peers.awaitCount(maildir, home, "alice", 1);
        try (Pop3Client pop = new Pop3Client(pop3Port)) {
            assertEquals("+OK Tegami ready.", pop.line());
            pop.send("CAPA\r\n");
            assertEquals("+OK", pop.line());
            String capa = pop.multiline();
            assertTrue(capa, capa.contains("STLS\r\n") && capa.contains("USER\r\n") && capa.contains("UIDL\r\n")
                    && capa.contains("IMPLEMENTATION Tegami\r\n"));
            assertEquals("+OK", pop.command("USER alice"));
            assertEquals("+OK Logged in.", pop.command("PASS secret-alice"));
            String stat = pop.command("STAT");
            Matcher m = Pattern.compile("\\+OK 1 (\\d+)").matcher(stat);
            assertTrue(stat, m.matches());
            long size = Long.parseLong(m.group(1));
            assertEquals("+OK 1 " + size, pop.command("LIST 1"));
            // Dovecot's default UIDL: UID and UIDVALIDITY of dovecot-uidlist, 8 hex digits each.
            String uidvalidity = Files.readAllLines(home.resolve("data/home/alice/Maildir/dovecot-uidlist")).get(0).split(" ")[1].substring(1);
            assertEquals("+OK 1 00000001" + String.format("%08x", Long.parseLong(uidvalidity)), pop.command("UIDL 1"));
            assertEquals("+OK " + size + " octets", pop.command("RETR 1"));
            String sent = pop.multiline();
            assertTrue(sent, sent.endsWith("\r\nline 1\r\n..starts with a dot\r\nline 3\r\n"));
            assertEquals("the octet count is the unstuffed size", size, sent.getBytes(StandardCharsets.ISO_8859_1).length - 1);
            assertEquals("+OK", pop.command("TOP 1 1"));
            assertTrue(pop.multiline().endsWith("\r\n\r\nline 1\r\n"));
            assertEquals("-ERR There's no message 2.", pop.command("RETR 2"));
            assertEquals("-ERR Unknown command: STLS", pop.command("STLS"));
            assertEquals("+OK Logging out.", pop.command("QUIT"));
            assertNull(pop.line());
        }
        assertEquals(1, Pop3Peers.count(maildir, home, "alice"));
    }

    @Test
    public void peersRetrieveAndDelete() throws Exception {
        assumeTrue("python3 is not installed", Files.isExecutable(Pop3Peers.PYTHON));
        assumeTrue("fetchmail is not installed", Files.isExecutable(Pop3Peers.FETCHMAIL));
        Pop3Peers.deliverRetrieveDelete(maildir, home, smtpPort, pop3Port);
    }

    @Test
    public void poplibOverStls() throws Exception {
        assumeTrue("python3 is not installed", Files.isExecutable(Pop3Peers.PYTHON));
        Pop3Peers.deliver(smtpPort, "tina", "over tls", "secret stuff\r\n");
        Pop3Peers.awaitCount(maildir, home, "tina", 1);
        Processes.Result py = Pop3Peers.poplib(home, pop3Port, "tina", "secret-tina", true, false);
        assertEquals(py.toString(), 0, py.exitCode());
        assertTrue(py.stdout(), py.stdout().contains("+OK Begin TLS negotiation now."));
        assertTrue(py.stdout(), py.stdout().contains("secret stuff"));
        assertTrue(py.stdout(), py.stdout().contains("+OK Logging out."));
        assertEquals("nothing deleted", 1, Pop3Peers.count(maildir, home, "tina"));
    }

    @Test
    public void droppedConnectionDeletesNothing() throws Exception {
        Pop3Peers.deliver(smtpPort, "dora", "keep me", "one\r\n");
        Pop3Peers.deliver(smtpPort, "dora", "keep me too", "two\r\n");
        Pop3Peers.awaitCount(maildir, home, "dora", 2);
        try (Pop3Client pop = new Pop3Client(pop3Port)) {
            assertEquals("+OK Logged in.", pop.login("dora", "secret-dora"));
            assertEquals("+OK Marked to be deleted.", pop.command("DELE 1"));
            assertEquals("+OK Marked to be deleted.", pop.command("DELE 2"));
            assertTrue(pop.command("STAT").startsWith("+OK 0 "));
        } // dropped without QUIT
        // The lock goes with the session: the next login works and sees both messages.
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try (Pop3Client pop = new Pop3Client(pop3Port)) {
                String reply = pop.login("dora", "secret-dora");
                if (reply.startsWith("-ERR [IN-USE]") && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100); // the server may not have seen the close yet
                    continue;
                }
                assertEquals("+OK Logged in.", reply);
                assertTrue(pop.command("STAT").startsWith("+OK 2 "));
                assertEquals("+OK Marked to be deleted.", pop.command("DELE 1"));
                assertEquals("+OK Logging out, messages deleted.", pop.command("QUIT"));
                break;
            }
        }
        assertEquals(1, Pop3Peers.count(maildir, home, "dora"));
    }

    @Test
    public void secondSessionGetsInUse() throws Exception {
        Pop3Peers.deliver(smtpPort, "ivan", "locked", "x\r\n");
        Pop3Peers.awaitCount(maildir, home, "ivan", 1);
        try (Pop3Client first = new Pop3Client(pop3Port)) {
            assertEquals("+OK Logged in.", first.login("ivan", "secret-ivan"));
            try (Pop3Client second = new Pop3Client(pop3Port)) {
                assertEquals("-ERR [IN-USE] Mailbox is locked by another POP3 session.", second.login("ivan", "secret-ivan"));
                assertNull("the refused session is closed", second.line());
            }
            // Delivery and other readers of the store (IMAP) go on while POP3 holds the lock.
            Pop3Peers.deliver(smtpPort, "ivan", "meanwhile", "y\r\n");
            Pop3Peers.awaitCount(maildir, home, "ivan", 2);
            assertEquals("+OK 1 ", first.command("STAT").substring(0, 6));
            assertEquals("+OK Logging out.", first.command("QUIT"));
        }
        try (Pop3Client again = new Pop3Client(pop3Port)) {
            assertEquals("+OK Logged in.", again.login("ivan", "secret-ivan"));
            assertTrue(again.command("STAT").startsWith("+OK 2 "));
            again.command("QUIT");
        }
    }

    @Test
    public void implicitTlsAndStls() throws Exception {
        try (Pop3Client pop = new Pop3Client(Net.connectTls(pop3sPort))) {
            assertEquals("+OK Tegami ready.", pop.line());
            pop.send("CAPA\r\n");
            pop.line();
            assertFalse(pop.multiline().contains("STLS"));
            assertEquals("+OK", pop.command("USER stan"));
            assertEquals("+OK Logged in.", pop.command("PASS secret-stan"));
            assertEquals("+OK Logging out.", pop.command("QUIT"));
        }
        try (Pop3Client pop = new Pop3Client(pop3Port)) {
            pop.line();
            assertEquals("+OK Begin TLS negotiation now.", pop.command("STLS"));
            pop.use(Net.upgrade(pop.socket(), pop3Port));
            assertEquals("-ERR TLS is already active.", pop.command("STLS"));
            assertEquals("-ERR No username given.", pop.command("PASS x"));
            assertEquals("+OK", pop.command("USER stan"));
            assertEquals("+OK Logged in.", pop.command("PASS secret-stan"));
            assertEquals("+OK Logging out.", pop.command("QUIT"));
        }
    }
}
