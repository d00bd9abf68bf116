package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

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
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * aliases(5) and local(8) over SMTP in the real container: an :include: list, a |command alias
 * (its stdin and environment), commands exiting 75 (deferred) and 1 (bounced with their output),
 * a /file alias, newaliases making an edit live, and an alias loop ending in one bounce.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AliasesIT {

    private static final Pattern QUEUED = Pattern.compile("250 2\\.0\\.0 Ok: queued as ([0-9A-F]{6,})");

    @Inject
    private MailQueue queue;

    @Inject
    private BundleContext context;

    private ContainerSmtp tegami;

    @Configuration
    public Option[] configuration() {
        TestHome h = TestHome.create("aliases",
                "myhostname = mail.example.test",
                "alias_maps = hash:aliases",
                "alias_database = hash:aliases",
                "recipient_delimiter = +");
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            h.addUser(user, "secret");
        }
        Path home = h.home.toAbsolutePath();
        write(home.resolve("members"), "# the list\nalice\nbob, carol@localhost\n");
        write(home.resolve("aliases"), "# test aliases\n"
                + "list: :include:members\n"
                // Written under temporary names and renamed last, so the test never reads a half-written file.
                + "pipe: \"|cat > " + home.resolve("pipe.tmp") + "; env | sort > " + home.resolve("pipe.env")
                + "; mv " + home.resolve("pipe.tmp") + " " + home.resolve("pipe.out") + "\"\n"
                + "tempfail: \"|exit 75\"\n"
                + "fail: \"|echo this list is closed; exit 1\"\n"
                + "archive: " + home.resolve("archive.mbox") + "\n"
                + "loopa: loopb\n"
                + "loopb: loopa\n"
                + "later: alice\n"
                + "owned: dave, nosuchuser\n"
                + "owner-owned: carol\n");
        return ContainerSmtp.options(h);
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Before
    public void awaitListener() throws Exception {
        tegami = ContainerSmtp.awaitListening();
    }

    private String rcptReply(String to) throws Exception {
        try (SmtpClient smtp = new SmtpClient(tegami.port())) {
            smtp.replyLine();
            smtp.command("EHLO client.example");
            smtp.command("MAIL FROM:<alice@localhost>");
            return smtp.command("RCPT TO:<" + to + ">");
        }
    }

    private String submit(String from, String to, String marker) throws Exception {
        try (SmtpClient smtp = new SmtpClient(tegami.port())) {
            smtp.replyLine();
            assertTrue(smtp.command("EHLO client.example").startsWith("250"));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<" + from + ">"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<" + to + ">"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send(("From: " + from + "\nSubject: " + marker + "\n\nFrom the body of " + marker + "\n").replace("\n", "\r\n"));
            String reply = smtp.command(".");
            Matcher m = QUEUED.matcher(reply);
            assertTrue(reply, m.matches());
            smtp.command("QUIT");
            return m.group(1);
        }
    }

    private List<String> inbox(String user, String marker) throws IOException {
        List<String> found = new ArrayList<>();
        Path dir = tegami.userHome(user).resolve("Maildir/new");
        if (Files.isDirectory(dir)) {
            for (String m : Maildirs.read(dir)) {
                if (m.contains(marker)) {
                    found.add(m);
                }
            }
        }
        return found;
    }

    private String await(String user, String marker) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            List<String> found = inbox(user, marker);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no message containing " + marker + " for " + user);
    }

    private String awaitFile(Path file, String marker) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            // An mbox is read only while delivery holds no dot-lock, as an mbox reader should, and a
            // message in it is complete when it ends with the blank line that separates messages.
            boolean mbox = file.getFileName().toString().endsWith(".mbox");
            Path lock = file.resolveSibling(file.getFileName() + ".lock");
            if (Files.exists(file) && !(mbox && Files.exists(lock))) {
                String text = Files.readString(file);
                if (text.contains(marker) && (!mbox || text.endsWith("\n\n"))) {
                    return text;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + marker + " in " + file);
    }

    @Test
    public void anIncludeListReachesThreeMailboxes() throws Exception {
        String marker = "list-" + System.nanoTime();
        submit("sender@example.com", "list@localhost", marker);
        for (String user : List.of("alice", "bob", "carol")) {
            String stored = await(user, marker);
            assertTrue(stored, stored.startsWith("Return-Path: <sender@example.com>\nDelivered-To: "));
        }
        assertTrue(inbox("dave", marker).isEmpty());
    }

    @Test
    public void aCommandGetsTheMessageAndPostfixEnvironment() throws Exception {
        String marker = "pipe-" + System.nanoTime();
        submit("sender@example.com", "pipe+ext@localhost", marker);
        String in = awaitFile(tegami.home().resolve("pipe.out"), marker);
        assertTrue(in, in.startsWith("From sender@example.com  "));
        assertTrue(in, in.contains("\nReturn-Path: <sender@example.com>\nDelivered-To: pipe+ext@localhost\n"));
        assertTrue(in, in.contains("\n\nFrom the body of " + marker + "\n"));
        List<String> env = Files.readAllLines(tegami.home().resolve("pipe.env"));
        for (String v : List.of("SENDER=sender@example.com", "RECIPIENT=pipe+ext@localhost",
                "ORIGINAL_RECIPIENT=pipe+ext@localhost", "LOCAL=pipe+ext", "EXTENSION=ext", "DOMAIN=localhost",
                "USER=pipe", "SHELL=/bin/sh", "PATH=/usr/bin:/bin")) {
            assertTrue(v + " in " + env, env.contains(v));
        }
    }

    @Test
    public void exit75DefersAndExit1BouncesWithTheOutput() throws Exception {
        String marker = "exit-" + System.nanoTime();
        String deferred = submit("alice@localhost", "tempfail@localhost", marker + "-75");
        long deadline = System.currentTimeMillis() + 20_000;
        Optional<QueueEntry> entry = Optional.empty();
        while (System.currentTimeMillis() < deadline) {
            entry = queue.find(deferred);
            if (entry.isPresent() && QueueEntry.DEFERRED.equals(entry.get().queueName())) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(String.valueOf(entry), entry.isPresent() && QueueEntry.DEFERRED.equals(entry.get().queueName()));
        assertTrue(String.valueOf(entry), String.valueOf(entry.get().recipients()).contains("Command died with status 75"));

        submit("alice@localhost", "fail@localhost", marker + "-1");
        String bounce = await("alice", "Command died with status 1");
        assertTrue(bounce, bounce.contains("this list is closed"));
        assertTrue(bounce, bounce.contains(marker + "-1"));
        queue.delete(deferred);
    }

    @Test
    public void aFileAliasAppendsInMboxForm() throws Exception {
        String marker = "file-" + System.nanoTime();
        submit("sender@example.com", "archive@localhost", marker);
        String mbox = awaitFile(tegami.home().resolve("archive.mbox"), marker);
        assertTrue(mbox, mbox.startsWith("From sender@example.com  "));
        assertTrue(mbox, mbox.contains("\nDelivered-To: archive@localhost\n"));
        assertTrue(mbox, mbox.contains("\n>From the body of " + marker + "\n\n"));
    }

    @Test
    public void newaliasesMakesAnEditLive() throws Exception {
        String marker = "live-" + System.nanoTime();
        assertTrue(rcptReply("fresh@localhost").startsWith("550 5.1.1"));
        String text = Files.readString(tegami.home().resolve("aliases")).replace("later: alice", "later: bob\nfresh: carol");
        write(tegami.home().resolve("aliases"), text + "broken entry without colon\n");
        Object command = command("newaliases");
        Method m = command.getClass().getMethod("newaliases", String[].class);
        m.invoke(command, (Object) new String[0]);
        assertEquals("250 2.1.5 Ok", rcptReply("fresh@localhost"));
        submit("sender@example.com", "later@localhost", marker);
        await("bob", marker);
        submit("sender@example.com", "fresh@localhost", marker + "-fresh");
        await("carol", marker + "-fresh");
        assertTrue(inbox("alice", marker).isEmpty());
    }

    @Test
    public void anAliasLoopEndsInOneBounce() throws Exception {
        String marker = "loop-" + System.nanoTime();
        submit("alice@localhost", "loopa@localhost", marker);
        String bounce = await("alice", marker);
        assertTrue(bounce, bounce.contains("mail forwarding loop for loopa@"));
        Thread.sleep(3000);
        assertEquals(1, inbox("alice", marker).size());
    }

    @Test
    public void aListOwnerGetsTheBouncesOfItsMembers() throws Exception {
        String marker = "owner-" + System.nanoTime();
        submit("sender@example.com", "owned@localhost", marker);
        String stored = await("dave", marker);
        assertTrue(stored, stored.startsWith("Return-Path: <owner-owned@localhost>\n"));
        String bounce = await("carol", marker);
        assertTrue(bounce, bounce.contains("nosuchuser@"));
    }

    private Object command(String function) throws Exception {
        for (ServiceReference<?> ref : context.getServiceReferences((String) null, "(osgi.command.function=" + function + ")")) {
            return context.getService(ref);
        }
        throw new AssertionError("no " + function + " command");
    }
}
