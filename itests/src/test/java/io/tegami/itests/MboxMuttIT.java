package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import io.tegami.api.store.Flags;
import io.tegami.api.store.MailStore;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.user.User;
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
 * mutt, from Debian, reads the mbox Tegami delivered into: the right number of messages, the
 * flags from Status/X-Status, each message whole. mutt runs read-only ({@code -R}) in batch mode
 * under {@code script} (it wants a terminal), piping every message to a file and quitting.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MboxMuttIT {

    private static final Pattern STATUS = Pattern.compile("\\[Msgs:(\\d+)(?: New:(\\d+))?(?: Old:\\d+)?(?: Del:\\d+)?(?: Flag:(\\d+))?");

    @Inject
    @Filter("(type=mbox)")
    private MailStore mbox;

    private Path home;
    private int smtpPort;

    @Configuration
    public Option[] configuration() throws IOException {
        TestHome h = TestHome.create("mbox-mutt", "mail_location = mbox:~/mail:INBOX=data/spool/mail/%u");
        h.addUser("alice", "secret");
        return options(composite(TegamiOptions.tegami(h.home)),
                systemProperty("tegami.test.smtp").value(String.valueOf(h.smtpPort)));
    }

    @Before
    public void setUp() throws Exception {
        assumeTrue("mutt is not installed", Files.isExecutable(Path.of("/usr/bin/mutt")));
        assumeTrue("script (bsdutils) is not installed", Files.isExecutable(Path.of("/usr/bin/script")));
        home = Path.of(System.getProperty("tegami.home"));
        smtpPort = Integer.getInteger("tegami.test.smtp");
        Net.awaitListening(smtpPort, 20_000);
    }

    @Test
    public void muttReadsTegamisMbox() throws Exception {
        deliver("one", "plain\r\n");
        deliver("two", "From the start of a line\r\n>From quoted\r\n\r\nFrom here on, prose.\r\n");
        deliver("three", "last\r\n");
        User alice = new User("alice", -1, -1, home.resolve("data/home/alice"), Map.of());
        try (MailboxSession s = mbox.open(alice); Mailbox inbox = s.open("INBOX")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (inbox.messages().size() < 3) {
                assertTrue("delivered: " + inbox.messages(), System.nanoTime() < deadline);
                Thread.sleep(100);
            }
            List<MessageInfo> list = inbox.messages();
            inbox.addFlags(List.of(list.get(0).uid()), Set.of(Flags.SEEN));
            inbox.addFlags(List.of(list.get(1).uid()), Set.of(Flags.FLAGGED));
        }
        Path spool = home.resolve("data/spool/mail/alice");
        Path out = home.resolve("mutt-out.txt");
        String screen = mutt(spool, out);
        assertFalse(screen, screen.contains("is not a mailbox"));
        Matcher m = STATUS.matcher(screen);
        String last = null;
        while (m.find()) {
            last = m.group();
            assertEquals(screen, "3", m.group(1));
            assertEquals(last, "1", m.group(3));
        }
        assertTrue("mutt showed its status line: " + screen, last != null);
        String piped = Files.readString(out, StandardCharsets.UTF_8);
        for (String subject : List.of("Subject: one", "Subject: two", "Subject: three")) {
            assertTrue(piped + "\nscreen:\n" + screen, piped.contains(subject));
        }
        assertTrue("message two is whole, its From lines inside it: " + piped,
                piped.contains("From the start of a line\n>>From quoted\n\n>From here on, prose.\n"));
    }

    private void deliver(String subject, String body) throws IOException {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            smtp.command("EHLO client.example");
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<bob@example.org>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<alice@localhost>"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send("Subject: " + subject + "\r\nFrom: bob@example.org\r\n\r\n" + body);
            assertTrue(smtp.command(".").startsWith("250 2.0.0 Ok: queued as "));
            smtp.command("QUIT");
        }
    }

    /** Runs mutt on the mbox in batch: pipe every message to {@code out}, then quit; returns the screen. */
    private static String mutt(Path mbox, Path out) throws Exception {
        String push = "<tag-pattern>~A<enter><tag-prefix><pipe-message>cat >> " + out + "<enter><exit>";
        String cmd = "mutt -n -F /dev/null -R -f " + mbox + " -e 'set wait_key=no pipe_split=yes pipe_decode=no'"
                + " -e 'push \"" + push + "\"'";
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", cmd, "/dev/null");
        // A clean environment, a home of its own (mutt may create ~/Mail), a known screen size.
        Path muttHome = Files.createTempDirectory(out.getParent(), "mutt-home-");
        Files.createDirectories(muttHome.resolve("Mail")); // or mutt asks whether to create it, eating our keys
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("TERM", "xterm");
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().put("COLUMNS", "100");
        pb.environment().put("LINES", "30");
        pb.environment().put("HOME", muttHome.toString());
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        byte[] screen = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("mutt did not finish");
        }
        String text = new String(screen, StandardCharsets.UTF_8);
        assertEquals(text, 0, p.exitValue());
        return text;
    }
}
