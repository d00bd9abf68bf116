package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
 * Tegami and Dovecot (Debian's, its own IMAP server run pre-authenticated on the files) read each
 * other's mboxes: the same messages, UIDs, UIDVALIDITY, flags and keywords, both ways.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MboxDovecotInteropIT {

    private static final Path IMAP = Path.of("/usr/lib/dovecot/imap");
    private static final Pattern FETCH = Pattern.compile("^\\* \\d+ FETCH \\(UID (\\d+) FLAGS \\(([^)]*)\\)", Pattern.MULTILINE);
    private static final Pattern VALIDITY = Pattern.compile("\\[UIDVALIDITY (\\d+)\\]");

    @Inject
    @Filter("(type=mbox)")
    private MailStore mbox;

    private Path home;
    private int smtpPort;
    private final List<Path> scratches = new java.util.ArrayList<>();

    @Configuration
    public Option[] configuration() throws IOException {
        TestHome h = TestHome.create("mbox-dovecot", "mail_location = mbox:~/mail:INBOX=data/spool/mail/%u");
        h.addUser("alice", "secret");
        return options(composite(TegamiOptions.tegami(h.home)),
                systemProperty("tegami.test.smtp").value(String.valueOf(h.smtpPort)));
    }

    @Before
    public void setUp() throws Exception {
        assumeTrue("Dovecot's imap binary is not installed", Files.isExecutable(IMAP));
        home = Path.of(System.getProperty("tegami.home"));
        smtpPort = Integer.getInteger("tegami.test.smtp");
        Net.awaitListening(smtpPort, 20_000);
    }

    @org.junit.After
    public void removeScratch() throws IOException {
        for (Path dir : scratches) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    public void dovecotReadsWhatTegamiDelivered() throws Exception {
        User alice = new User("alice", -1, -1, home.resolve("data/home/alice"), Map.of());
        for (String subject : List.of("one", "two", "three")) {
            deliver("alice@localhost", subject, subject.equals("two") ? "From the start of a line\r\n>From quoted\r\n" : "x\r\n");
        }
        Map<String, Map<Long, Set<String>>> tegami = new TreeMap<>();
        Map<String, Long> validity = new TreeMap<>();
        try (MailboxSession s = mbox.open(alice)) {
            try (Mailbox inbox = s.open("INBOX")) {
                awaitMessages(inbox, 3);
                List<MessageInfo> list = inbox.messages();
                inbox.addFlags(List.of(list.get(0).uid()), Set.of(Flags.SEEN, "Project"));
                inbox.addFlags(List.of(list.get(1).uid()), Set.of(Flags.FLAGGED, Flags.ANSWERED));
                tegami.put("INBOX", flags(inbox.messages()));
                validity.put("INBOX", inbox.uidValidity());
            }
            s.create("Archive");
            try (Mailbox archive = s.open("Archive")) {
                archive.append(stream("Subject: archived\n\nold mail\n"), Set.of(Flags.SEEN, "$Label1"),
                        Instant.parse("2024-05-06T07:08:09Z"));
                archive.append(stream("Subject: draft\n\nunsent\n"), Set.of(Flags.DRAFT), null);
                tegami.put("Archive", flags(archive.messages()));
                validity.put("Archive", archive.uidValidity());
            }
        }
        // Dovecot runs as an unprivileged user: give it a copy of alice's mail, as it would find it.
        Path scratch = scratch("alice");
        Files.copy(home.resolve("data/spool/mail/alice"), scratch.resolve("spool/alice"));
        copyTree(home.resolve("data/home/alice/mail"), scratch.resolve("home/mail"));
        handToDovecot(scratch);
        Map<String, String> r = dovecot(scratch, "a SELECT INBOX", "b UID FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])",
                "c UID FETCH 2 BODY.PEEK[TEXT]", "d SELECT Archive", "e UID FETCH 1:* (FLAGS)", "f LOGOUT");
        String out = r.get("*");
        assertEquals(out, tegami.get("INBOX"), dovecotFlags(r.get("b")));
        assertEquals(out, tegami.get("Archive"), dovecotFlags(r.get("e")));
        List<Long> validities = VALIDITY.matcher(out).results().map(m -> Long.parseLong(m.group(1))).toList();
        assertEquals(out, List.of(validity.get("INBOX"), validity.get("Archive")), validities);
        for (String subject : List.of("Subject: one", "Subject: two", "Subject: three")) {
            assertTrue(out, out.contains(subject));
        }
        assertTrue(out, out.contains("From the start of a line"));
        assertTrue("Dovecot hides the metadata headers as Tegami does: " + out, !out.contains("X-UID"));
    }

    @Test
    public void tegamiReadsWhatDovecotWrote() throws Exception {
        Path scratch = scratch("carol");
        handToDovecot(scratch);
        String m1 = "Subject: first\r\n\r\nhello\r\n";
        String m2 = "Subject: second\r\n\r\nFrom the start of a line\r\nmore\r\n";
        String m3 = "Subject: doomed\r\n\r\nbye\r\n";
        String m4 = "Subject: work\r\n\r\nwork\r\n";
        Map<String, String> r = dovecot(scratch, "a CREATE Work", append("b", "INBOX", "\\Seen $Label1", m1),
                append("c", "INBOX", "", m2), append("d", "INBOX", "\\Flagged \\Deleted", m3),
                append("e", "Work", "\\Answered Project", m4), "f SELECT INBOX", "g UID STORE 2 +FLAGS (Important)",
                "h EXPUNGE", "i UID FETCH 1:* (FLAGS)", "j SELECT Work", "k UID FETCH 1:* (FLAGS)", "l LOGOUT");
        String out = r.get("*");
        Map<Long, Set<String>> dovecotInbox = dovecotFlags(r.get("i"));
        Map<Long, Set<String>> dovecotWork = dovecotFlags(r.get("k"));
        List<Long> validities = VALIDITY.matcher(out).results().map(m -> Long.parseLong(m.group(1))).toList();
        assertEquals(out, 2, dovecotInbox.size());

        User carol = new User("carol", -1, -1, scratch.resolve("home"),
                Map.of("mail", "mbox:" + scratch.resolve("home/mail") + ":INBOX=" + scratch.resolve("spool/carol")));
        long added;
        try (MailboxSession s = mbox.open(carol)) {
            try (Mailbox inbox = s.open("INBOX")) {
                assertEquals(dovecotInbox, flags(inbox.messages()));
                assertEquals(validities.get(0), Long.valueOf(inbox.uidValidity()));
                assertTrue(inbox.keywords().containsAll(List.of("$Label1", "Important")));
                long second = inbox.messages().get(1).uid();
                String text = read(inbox, second);
                assertTrue(text, text.contains("\r\n\r\nFrom the start of a line\r\nmore\r\n"));
                // And back: Tegami changes flags and delivers; Dovecot must see it.
                inbox.addFlags(List.of(second), Set.of(Flags.SEEN));
                added = inbox.append(stream("Subject: from tegami\n\nhi\n"), Set.of("Tegami"), null);
                dovecotInbox = flags(inbox.messages());
            }
            try (Mailbox work = s.open("Work")) {
                assertEquals(dovecotWork, flags(work.messages()));
                assertEquals(validities.get(1), Long.valueOf(work.uidValidity()));
            }
        }
        handToDovecot(scratch);
        // mbox_dirty_syncs=no: a Dovecot sharing mboxes with other writers must reread changed files.
        Map<String, String> again = dovecot(scratch, "a SELECT INBOX", "b UID FETCH 1:* (FLAGS)", "c LOGOUT");
        assertEquals(again.get("*"), dovecotInbox, dovecotFlags(again.get("b")));
        assertTrue(again.get("*"), dovecotFlags(again.get("b")).containsKey(added));
    }

    private void deliver(String rcpt, String subject, String body) throws IOException {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            smtp.command("EHLO client.example");
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<bob@example.org>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<" + rcpt + ">"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send("Subject: " + subject + "\r\nFrom: bob@example.org\r\n\r\n" + body);
            assertTrue(smtp.command(".").startsWith("250 2.0.0 Ok: queued as "));
            smtp.command("QUIT");
        }
    }

    private static void awaitMessages(Mailbox box, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (box.messages().size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + box.messages().size() + " of " + n + " messages delivered");
            }
            Thread.sleep(100);
        }
    }

    private static Map<Long, Set<String>> flags(List<MessageInfo> list) {
        Map<Long, Set<String>> out = new LinkedHashMap<>();
        for (MessageInfo m : list) {
            out.put(m.uid(), new TreeSet<>(m.flags()));
        }
        return out;
    }

    /** UID to flags from Dovecot's FETCH responses, without the session-only \Recent. */
    private static Map<Long, Set<String>> dovecotFlags(String transcript) {
        Map<Long, Set<String>> out = new LinkedHashMap<>();
        Matcher m = FETCH.matcher(transcript);
        while (m.find()) {
            Set<String> f = new TreeSet<>();
            for (String flag : m.group(2).trim().split(" +")) {
                if (!flag.isEmpty() && !flag.equals(Flags.RECENT)) {
                    f.add(flag);
                }
            }
            out.put(Long.parseLong(m.group(1)), f);
        }
        return out;
    }

    private static String append(String tag, String mailbox, String flags, String message) {
        int n = message.getBytes(StandardCharsets.UTF_8).length;
        // The literal, then the empty rest of the command line (the CRLF the commands are joined with).
        return tag + " APPEND " + mailbox + " (" + flags + ") {" + n + "+}\r\n" + message;
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(Mailbox box, long uid) throws Exception {
        try (InputStream in = box.openMessage(uid)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A world-traversable scratch tree: {@code home/mail/} and {@code spool/}. */
    private Path scratch(String user) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "tegami-mbox-" + user + "-");
        scratches.add(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("home/mail"));
        Files.createDirectories(dir.resolve("spool"));
        return dir;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Dovecot refuses to work as root: as root, give the tree to nobody, as which Dovecot then runs. */
    private static void handToDovecot(Path scratch) throws Exception {
        if (root()) {
            Processes.Result r = Processes.run(scratch, 30, "chown", "-R", "nobody:nogroup", scratch.toString());
            assertEquals(r.toString(), 0, r.exitCode());
        }
    }

    /**
     * Runs Dovecot's IMAP server pre-authenticated on the scratch tree and sends the commands one
     * at a time (each after the previous one's tagged reply, so no pipelining reorders anything).
     *
     * @return each command's responses by tag, the tagged line included
     */
    private static Map<String, String> dovecot(Path scratch, String... commands) throws Exception {
        Path run = Files.createDirectories(scratch.resolve("run"));
        Path conf = scratch.resolve("dovecot.conf");
        Files.writeString(conf, "base_dir = " + run + "\nlog_path = /dev/stderr\nssl = no\nmbox_dirty_syncs = no\n"
                + "mail_location = mbox:~/mail:INBOX=" + scratch.resolve("spool") + "/%u\n");
        String uid = root() ? "65534" : Processes.run(scratch, 10, "id", "-u").stdout().strip();
        String gid = root() ? "65534" : Processes.run(scratch, 10, "id", "-g").stdout().strip();
        ProcessBuilder pb = new ProcessBuilder(IMAP.toString(), "-c", conf.toString(), "-o", "mail_uid=" + uid,
                "-o", "mail_gid=" + gid, "-o", "first_valid_uid=1", "-o", "first_valid_gid=1");
        pb.environment().clear();
        pb.environment().put("USER", scratch.getFileName().toString().split("-")[2]);
        pb.environment().put("HOME", scratch.resolve("home").toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        Map<String, String> replies = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        try (var toImap = p.getOutputStream();
                var fromImap = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String greeting = fromImap.readLine();
            all.append(greeting).append('\n');
            for (String command : commands) {
                String tag = command.substring(0, command.indexOf(' '));
                toImap.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
                toImap.flush();
                StringBuilder reply = new StringBuilder();
                String line;
                while ((line = fromImap.readLine()) != null) {
                    reply.append(line).append('\n');
                    if (line.startsWith(tag + " ")) {
                        break;
                    }
                }
                all.append(reply);
                replies.put(tag, reply.toString());
                if (line == null) {
                    throw new AssertionError("Dovecot ended early:\n" + all);
                }
                assertTrue(all.toString(), line.startsWith(tag + " OK"));
            }
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Dovecot did not finish");
        }
        replies.put("*", all.toString());
        return replies;
    }
}
