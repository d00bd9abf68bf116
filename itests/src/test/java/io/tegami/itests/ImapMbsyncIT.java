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
import java.util.stream.Stream;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Debian's mbsync (isync) syncing a Maildir-backed account both ways against Tegami, as people
 * run it from cron: mail delivered over SMTP and a folder made over IMAP are pulled into a local
 * Maildir; a message written locally is pushed (APPEND); flags changed on either side follow
 * (STORE); messages trashed locally are expunged on the server and messages expunged on the
 * server vanish locally ({@code Expunge Both}); a last run finds nothing to do.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ImapMbsyncIT {

    static final Path MBSYNC = Path.of("/usr/bin/mbsync");

    private int imapPort;
    private int smtpPort;
    private Path work;

    @Configuration
    public Option[] configuration() throws IOException {
        TestHome home = TestHome.create("imap-mbsync", "mail_location = maildir:~/Maildir");
        home.addUser("sam", "secret-sam");
        int imap = TestHome.freePort();
        ImapIT.listener(home, "imap", imap, "starttls");
        return options(composite(TegamiOptions.tegami(home.home)),
                systemProperty("tegami.test.imap").value(String.valueOf(imap)),
                systemProperty("tegami.test.smtp").value(String.valueOf(home.smtpPort)));
    }

    @Before
    public void setUp() throws Exception {
        imapPort = Integer.getInteger("tegami.test.imap");
        smtpPort = Integer.getInteger("tegami.test.smtp");
        Net.awaitListening(imapPort, 20_000);
        Net.awaitListening(smtpPort, 20_000);
        work = Path.of(System.getProperty("tegami.home")).resolve("mbsync");
    }

    /** The mbsync configuration: the server as far side, a Maildir as near side, everything synced. */
    private Path config(Path local) throws IOException {
        Files.createDirectories(local);
        String rc = String.join("\n",
                "IMAPAccount tegami",
                "Host 127.0.0.1",
                "Port " + imapPort,
                "User sam",
                "Pass secret-sam",
                "SSLType None",
                "AuthMechs LOGIN",
                "",
                "IMAPStore remote",
                "Account tegami",
                "",
                "MaildirStore local",
                "Path " + local + "/",
                "Inbox " + local.resolve("INBOX"),
                "SubFolders Verbatim",
                "",
                "Channel sam",
                "Far :remote:",
                "Near :local:",
                "Patterns *",
                "Create Both",
                "Expunge Both",
                "SyncState *",
                "");
        Path file = work.resolve("mbsyncrc");
        Files.writeString(file, rc, StandardCharsets.UTF_8);
        return file;
    }

    private Processes.Result mbsync(Path rc) throws Exception {
        Processes.Result r = Processes.run(work, 120, MBSYNC.toString(), "-c", rc.toString(), "-a");
        assertEquals(r.toString(), 0, r.exitCode());
        return r;
    }

    /** The message files of a local folder (new/ and cur/). */
    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> n = Files.list(folder.resolve("new")); Stream<Path> c = Files.list(folder.resolve("cur"))) {
            return Stream.concat(n, c).sorted().toList();
        }
    }

    private static Path withSubject(Path folder, String subject) throws IOException {
        for (Path f : files(folder)) {
            if (Files.readString(f, StandardCharsets.ISO_8859_1).contains("Subject: " + subject)) {
                return f;
            }
        }
        throw new AssertionError("no '" + subject + "' in " + folder + ": " + files(folder));
    }

    /** Maildir flag letters of a message file name ({@code ...:2,FS}). */
    private static String letters(Path f) {
        String name = f.getFileName().toString();
        int i = name.indexOf(":2,");
        return i < 0 ? "" : name.substring(i + 3);
    }

    @Test
    public void pullPushFlagsAndExpungeBothWays() throws Exception {
        assumeTrue("mbsync (isync) is not installed", Files.isExecutable(MBSYNC));
        Files.createDirectories(work);
        Path local = work.resolve("Mail");
        Path rc = config(local);
        Pop3Peers.deliver(smtpPort, "sam", "From SMTP", "Delivered over SMTP.\r\n");
        try (RawImap imap = new RawImap(imapPort)) {
            imap.readLine();
            imap.command("a1", "LOGIN sam secret-sam");
            imap.command("a2", "CREATE Work");
            String msg = "Subject: Filed\r\nFrom: sam@localhost\r\n\r\nIn Work.\r\n";
            assertTrue(imap.command("a3", "APPEND Work (\\Flagged) {" + msg.length() + "+}\r\n" + msg).contains("a3 OK"));
        }

        // Pull.
        mbsync(rc);
        Path inbox = local.resolve("INBOX");
        Path smtpMail = withSubject(inbox, "From SMTP");
        Path filed = withSubject(local.resolve("Work"), "Filed");
        assertTrue("\\Flagged came along: " + filed, letters(filed).contains("F"));

        // Push a message written locally, and flag the pulled one locally (flagged and seen).
        Path written = inbox.resolve("new").resolve("1700000000.local1.client");
        Files.writeString(written, "Subject: Written locally\nFrom: sam@localhost\n\nPush me.\n", StandardCharsets.US_ASCII);
        Path flaggedLocally = smtpMail.resolveSibling(smtpMail.getFileName().toString().replaceAll(":2,.*$", "") + ":2,FS");
        Files.move(smtpMail, inbox.resolve("cur").resolve(flaggedLocally.getFileName()));
        mbsync(rc);
        try (RawImap imap = new RawImap(imapPort)) {
            imap.readLine();
            imap.command("b1", "LOGIN sam secret-sam");
            imap.command("b2", "SELECT INBOX");
            String found = imap.command("b3", "UID SEARCH SUBJECT \"Written locally\"");
            assertTrue("pushed: " + found, found.matches("(?s)\\* SEARCH \\d+\n.*"));
            String flags = imap.command("b4", "FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
            assertTrue("flags pushed: " + flags, flags.contains("\\Flagged") && flags.contains("\\Seen"));
            // Server-side changes: answer the pushed one, expunge the SMTP one.
            String uid = found.substring("* SEARCH ".length(), found.indexOf('\n'));
            imap.command("b5", "UID STORE " + uid + " +FLAGS (\\Answered)");
            String smtpSeq = imap.command("b6", "SEARCH SUBJECT \"From SMTP\"");
            assertTrue(smtpSeq, smtpSeq.startsWith("* SEARCH 1\n"));
            imap.command("b7", "STORE 1 +FLAGS (\\Deleted)");
            assertTrue(imap.command("b8", "EXPUNGE").contains("b8 OK"));
        }

        // Trash the filed message locally; pull the server's changes.
        Files.move(filed, filed.resolveSibling(filed.getFileName().toString().replaceAll(":2,.*$", "") + ":2,FT"));
        mbsync(rc);
        assertTrue("the answered flag came back", letters(withSubject(inbox, "Written locally")).contains("R"));
        assertFalse("expunged on the server, gone here",
                files(inbox).stream().anyMatch(f -> read(f).contains("Subject: From SMTP")));
        assertEquals(List.of(), files(local.resolve("Work")));
        try (RawImap imap = new RawImap(imapPort)) {
            imap.readLine();
            imap.command("c1", "LOGIN sam secret-sam");
            String status = imap.command("c2", "STATUS Work (MESSAGES)");
            assertTrue("expunged on the server too: " + status, status.contains("(MESSAGES 0)"));
        }

        // Nothing left to do: a second run changes nothing.
        List<Path> before = files(inbox);
        mbsync(rc);
        assertEquals(before, files(inbox));
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }
}
