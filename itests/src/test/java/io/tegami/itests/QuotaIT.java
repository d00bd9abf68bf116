package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.inject.Inject;

import io.tegami.api.config.MailParameters;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.QueueEntry;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Quota end to end (issue 6, RFC 9208 with Dovecot's semantics): users with a small
 * {@code userdb_quota_rule} in the passwd-file; IMAP APPEND over it gets {@code NO [OVERQUOTA]},
 * GETQUOTAROOT reports it; SMTP delivery to a full mailbox bounces with {@code 5.2.2} by default
 * and is deferred with {@code 4.2.2} under {@code quota_full_tempfail = yes}; Debian's
 * {@code doveadm quota get} reads the usage Tegami kept in {@code maildirsize}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class QuotaIT {

    private static final Pattern QUEUED = Pattern.compile("250 2\\.0\\.0 Ok: queued as ([0-9A-F]{6,})");

    @Inject
    private MailQueue queue;

    @Inject
    private MailParameters parameters;

    private int smtpPort;
    private int imapPort;
    private Path home;

    @Configuration
    public Option[] configuration() throws IOException {
        TestHome h = TestHome.create("quota", "quota_full_tempfail = no");
        h.addUser("bob", "hunter2");
        for (String user : new String[] {"alice", "carol", "dave"}) {
            String line = user + ":{PLAIN}secret::::" + h.home.resolve("data/home/" + user)
                    + "::userdb_quota_rule=*:storage=4k\n";
            Files.writeString(h.home.resolve("data/passwd"), line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        int imap = TestHome.freePort();
        ImapIT.listener(h, "imap", imap, "starttls");
        return options(
                composite(TegamiOptions.tegami(h.home)),
                systemProperty("tegami.test.imap").value(String.valueOf(imap)),
                systemProperty("tegami.test.smtp").value(String.valueOf(h.smtpPort)));
    }

    @Before
    public void awaitListeners() throws Exception {
        smtpPort = Integer.getInteger("tegami.test.smtp");
        imapPort = Integer.getInteger("tegami.test.imap");
        home = Path.of(System.getProperty("tegami.home"));
        Net.awaitListening(smtpPort, 20_000);
        Net.awaitListening(imapPort, 20_000);
    }

    /** A message of {@code size} octets with CRLF endings (what IMAP and SMTP carry). */
    private static String message(String subject, int size) {
        StringBuilder m = new StringBuilder("From: bob@localhost\r\nSubject: " + subject + "\r\n\r\n");
        while (m.length() < size - 2) {
            m.append(m.length() % 70 == 0 ? "\r\n" : "x");
        }
        return m.append("\r\n").toString();
    }

    @Test
    public void appendOverTheQuotaGetsOverquotaAndGetquotarootShowsIt() throws Exception {
        try (LineImap imap = new LineImap(imapPort)) {
            assertTrue(imap.command("a", "LOGIN alice secret").contains("a OK"));
            assertTrue(imap.command("c", "CAPABILITY").contains(" QUOTA QUOTA=RES-STORAGE QUOTA=RES-MESSAGE"));
            assertTrue(imap.append("p", message("first", 3000)).contains("p OK"));
            String refused = imap.append("q", message("second", 3000));
            assertTrue(refused, refused.contains("q NO [OVERQUOTA] Quota exceeded (mailbox for user is full)"));
            String root = imap.command("g", "GETQUOTAROOT INBOX");
            assertTrue(root, root.contains("* QUOTAROOT INBOX \"User quota\"\n* QUOTA \"User quota\" (STORAGE 3 4)\n"));
            assertTrue(imap.command("s", "SETQUOTA \"User quota\" (STORAGE 8)")
                    .contains("s NO Quota can be changed only by admin."));
            assertTrue(imap.command("z", "LOGOUT").contains("z OK"));
        }
        try (LineImap imap = new LineImap(imapPort)) {
            imap.command("a", "LOGIN bob hunter2");
            assertTrue(imap.command("g", "GETQUOTAROOT INBOX").contains("g OK No quota."));
        }
    }

    @Test
    public void deliveryToAFullMailboxBouncesOrIsDeferredAsConfigured() throws Exception {
        String first = send("carol@localhost", message("fits", 3000));
        awaitGone(first); // delivered
        String second = send("carol@localhost", message("too much", 3000));
        awaitGone(second); // bounced: quota_full_tempfail = no, Dovecot's default
        String bounce = awaitFileContaining(home.resolve("data/home/bob/Maildir"), "Quota exceeded");
        assertTrue(bounce, bounce.contains("5.2.2"));
        assertTrue(bounce, bounce.contains("carol@localhost"));
        assertEquals(1, countMessages(home.resolve("data/home/carol/Maildir")));

        setTempfail("yes");
        String third = send("carol@localhost", message("later", 3000));
        QueueEntry deferred = awaitDeferred(third);
        String reason = deferred.recipients().get(0).reason();
        assertTrue(String.valueOf(reason), reason != null && reason.contains("Quota exceeded"));
        assertEquals(1, countMessages(home.resolve("data/home/carol/Maildir")));
        queue.delete(third);
        setTempfail("no");
    }

    @Test
    public void doveadmQuotaGetReadsTegamisMaildirsize() throws Exception {
        if (!MaildirDovecot.available()) {
            throw new AssertionError("Debian's dovecot and root are needed (itests/peers.txt)");
        }
        awaitGone(send("dave@localhost", message("one", 1500)));
        awaitGone(send("dave@localhost", message("two", 1200)));
        Path maildirsize = home.resolve("data/home/dave/Maildir/maildirsize");
        String lines = Files.readString(maildirsize, StandardCharsets.US_ASCII);
        assertTrue(lines, lines.startsWith("4096S\n"));
        String dovecot = DoveadmQuota.get(home.resolve("data/home/dave/Maildir"), "dave", "*:storage=4k");
        // What GETQUOTA says in Tegami, Dovecot says of the same files: STORAGE in KiB and MESSAGE
        try (LineImap imap = new LineImap(imapPort)) {
            imap.command("a", "LOGIN dave secret");
            String root = imap.command("g", "GETQUOTA \"User quota\"");
            Matcher m = Pattern.compile("STORAGE (\\d+) 4").matcher(root);
            assertTrue(root, m.find());
            assertTrue(dovecot, dovecot.matches("(?s).*User quota STORAGE +" + m.group(1) + " +4 .*"));
            assertTrue(dovecot, dovecot.matches("(?s).*User quota MESSAGE +2 +- .*"));
        }
    }

    private String send(String rcpt, String message) throws IOException {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            smtp.command("HELO localhost");
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<bob@localhost>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<" + rcpt + ">"));
            smtp.command("DATA");
            smtp.send(message);
            String queued = smtp.command(".");
            Matcher m = QUEUED.matcher(queued);
            assertTrue(queued, m.matches());
            smtp.command("QUIT");
            return m.group(1);
        }
    }

    private void awaitGone(String queueId) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (queue.find(queueId).isPresent()) {
            assertTrue("still queued: " + queue.find(queueId), System.currentTimeMillis() < deadline);
            Thread.sleep(100);
        }
    }

    private QueueEntry awaitDeferred(String queueId) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<QueueEntry> e = queue.find(queueId);
            assertTrue("a deferred message stays queued", e.isPresent());
            if (e.get().queueName().equals(QueueEntry.DEFERRED)) {
                return e.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not deferred: " + queue.find(queueId));
    }

    /** Writes the parameter into configs/tegami.main.cfg (FileInstall applies it) and waits until it is live. */
    private void setTempfail(String value) throws Exception {
        Path cfg = home.resolve("configs/tegami.main.cfg");
        String text = Files.readString(cfg, StandardCharsets.UTF_8).replaceAll("(?m)^quota_full_tempfail = .*$",
                "quota_full_tempfail = " + value);
        Files.writeString(cfg, text, StandardCharsets.UTF_8);
        long deadline = System.currentTimeMillis() + 20_000;
        while (parameters.getBoolean("quota_full_tempfail", false) != value.equals("yes")) {
            assertTrue("quota_full_tempfail not applied", System.currentTimeMillis() < deadline);
            Thread.sleep(100);
        }
    }

    private static String awaitFileContaining(Path maildir, String text) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (String dir : new String[] {"new", "cur"}) {
                if (!Files.isDirectory(maildir.resolve(dir))) {
                    continue;
                }
                try (Stream<Path> files = Files.list(maildir.resolve(dir))) {
                    for (Path f : files.toList()) {
                        String content = Files.readString(f, StandardCharsets.UTF_8);
                        if (content.contains(text)) {
                            return content;
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no message containing '" + text + "' in " + maildir);
    }

    private static long countMessages(Path maildir) throws IOException {
        long n = 0;
        for (String dir : new String[] {"new", "cur"}) {
            try (Stream<Path> files = Files.list(maildir.resolve(dir))) {
                n += files.count();
            }
        }
        return n;
    }
}
