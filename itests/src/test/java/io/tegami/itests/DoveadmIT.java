package io.tegami.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * doveadm's mail commands and {@code tegami:status} on the real distribution through
 * {@code bin/tegami-ctl}: mail delivered over SMTP is listed, fetched and expunged, output and
 * exit codes as Dovecot's, and the fetch and status output for the delivered Maildir is compared
 * with Debian's own {@code doveadm} reading a copy of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DoveadmIT {

    private TestHome ports;
    private InstalledTegami tegami;
    private int imapPort;

    @BeforeAll
    void startServer() throws Exception {
        ports = TestHome.create("doveadm-mail", "mail_location = maildir:~/Maildir");
        ports.addUser("alice", "secret");
        imapPort = TestHome.freePort();
        Files.writeString(ports.home.resolve("configs/tegami.listener-imap.cfg"),
                "name = imap\nprotocol = imap\naddress = 127.0.0.1\nport = " + imapPort + "\ntls = starttls\n",
                StandardCharsets.UTF_8);
        tegami = InstalledTegami.install(ports);
        Processes.Result started = tegami.tegami("start");
        assertEquals(0, started.exitCode(), started.toString());
        Net.awaitListening(ports.smtpPort, 30_000);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (tegami != null) {
            Processes.Result stopped = tegami.tegami("stop");
            assertEquals(0, stopped.exitCode(), stopped.toString());
        }
    }

    private Processes.Result doveadm(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("doveadm"));
        all.addAll(List.of(args));
        return tegami.ctl(all.toArray(new String[0]));
    }

    private String ok(Processes.Result r) {
        assertEquals(0, r.exitCode(), r.toString());
        return r.stdout();
    }

    private void send(String subject, String body) throws IOException {
        try (SmtpClient smtp = new SmtpClient(ports.smtpPort)) {
            smtp.replyLine();
            smtp.command("HELO localhost");
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<bob@localhost>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<alice@localhost>"));
            smtp.command("DATA");
            smtp.send("From: Bob <bob@localhost>\r\nTo: alice@localhost\r\nSubject: " + subject
                    + "\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n\r\n" + body + "\r\n.\r\n");
            assertTrue(smtp.replyLine().startsWith("250 2.0.0 Ok: queued as "));
            smtp.command("QUIT");
        }
    }

    @Test
    @Order(1)
    void deliveredMailIsListedAndCounted() throws Exception {
        send("First", "one");
        send("Second", "two");
        send("Third", "three " + "x".repeat(3000));
        long deadline = System.currentTimeMillis() + 30_000;
        String status = "";
        while (!status.equals("INBOX messages=3\n") && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            status = doveadm("mailbox", "status", "-u", "alice", "messages", "INBOX").stdout();
        }
        assertEquals("INBOX messages=3\n", status);
        ok(doveadm("mailbox", "create", "-u", "alice", "-s", "Archive"));
        assertEquals("INBOX\nArchive\n", ok(doveadm("mailbox", "list", "-u", "alice")));
        assertEquals("Archive\n", ok(doveadm("mailbox", "list", "-s", "-u", "alice")));
        String tab = ok(doveadm("-f", "tab", "mailbox", "status", "-u", "alice", "messages unseen", "*"));
        assertEquals("mailbox\tmessages\tunseen\nINBOX\t3\t3\nArchive\t0\t0\n", tab);
    }

    @Test
    @Order(2)
    void fetchAndStatusMatchDebiansDoveadmOnTheSameMaildir() throws Exception {
        String fields = "uid hdr.subject size.physical size.virtual date.sent hdr.from.address hdr.from.address_name";
        String ours = ok(doveadm("fetch", "-u", "alice", fields, "mailbox", "INBOX", "all"));
        assertTrue(ours.startsWith("uid: 1\nhdr.subject: First\n"), ours);
        assertTrue(ours.contains("\n\f\nuid: 2\nhdr.subject: Second\n"), ours);
        String status = "messages uidnext uidvalidity unseen vsize";
        String ourStatus = ok(doveadm("mailbox", "status", "-u", "alice", status, "INBOX"));
        Path maildir = ports.maildir("alice");
        String theirs = realDoveadm(maildir, "fetch", "-u", "alice", fields, "mailbox", "INBOX", "all");
        assertEquals(theirs, ours);
        assertEquals(realDoveadm(maildir, "mailbox", "status", "-u", "alice", status, "INBOX"), ourStatus);
    }

    @Test
    @Order(3)
    void searchAndExpunge() throws Exception {
        Processes.Result guard = doveadm("expunge", "-u", "alice", "subject", "Second");
        assertEquals(64, guard.exitCode(), guard.toString());
        assertTrue(guard.stderr().contains("To avoid accidents, search query must contain MAILBOX in all search branches"),
                guard.toString());
        ok(doveadm("expunge", "-u", "alice", "mailbox", "INBOX", "(", "subject", "Second", "OR", "larger", "2k", ")"));
        String left = ok(doveadm("fetch", "-u", "alice", "uid subject", "mailbox", "INBOX", "all"));
        assertEquals("uid: 1\nsubject: First\n", left);
        Processes.Result missing = doveadm("expunge", "-u", "alice", "mailbox", "Nope", "all");
        assertEquals(68, missing.exitCode(), missing.toString());
        assertTrue(missing.stderr().contains(
                "doveadm(alice): Error: Syncing mailbox 'Nope' failed: Mailbox doesn't exist: Nope"), missing.toString());
        Processes.Result nouser = doveadm("mailbox", "list", "-u", "nobody");
        assertEquals(67, nouser.exitCode(), nouser.toString());
        assertTrue(nouser.stderr().contains("doveadm(nobody): Error: User doesn't exist"), nouser.toString());
    }

    @Test
    @Order(4)
    void statusShowsListenersQueueStoreMechanismsAndBundles() throws Exception {
        String out = ok(tegami.ctl("status"));
        assertTrue(out.startsWith("Listeners:\n"), out);
        assertTrue(out.matches("(?s).*\n  imap +imap +127\\.0\\.0\\.1 +" + imapPort + " +starttls +0\n.*"), out);
        assertTrue(out.matches("(?s).*\n  smtp +smtp +127\\.0\\.0\\.1 +" + ports.smtpPort + " +starttls +0\n.*"), out);
        assertTrue(out.contains("\nQueue:\n  incoming 0  active 0  deferred 0  hold 0\n"), out);
        assertTrue(out.contains("\nMail store: maildir  (mail_location = maildir:~/Maildir)\n"), out);
        assertTrue(out.matches("(?s).*\nSASL mechanisms: .*PLAIN.*"), out);
        assertTrue(out.matches("(?s).*\n +\\d+ +Active +\\S+ +io\\.tegami\\.shell\n.*"), out);
        assertTrue(ok(tegami.ctl("status", "--help")).startsWith("usage: status"));
        String config = ok(doveadm("config", "-n"));
        assertTrue(config.startsWith("# Tegami "), config);
        assertTrue(config.contains("\nmail_location = maildir:~/Maildir\n"), config);
        assertEquals("mail_location = maildir:~/Maildir\n", ok(doveadm("config", "mail_location", "myhostname")));
        String who = ok(doveadm("-f", "tab", "who"));
        assertEquals("username\t#\tproto\t(pids)\t(ips)\n", who);
        assertTrue(ok(doveadm("mailbox", "status", "--help")).startsWith("usage: doveadm [-Dv] [-f <formatter>] mailbox status"));
    }

    /**
     * Debian's doveadm on a copy of {@code maildir}: a private Dovecot without protocols answers
     * its user lookups; the copy is handed to nobody, as Dovecot refuses to access mail as root.
     */
    private static String realDoveadm(Path maildir, String... args) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "doveadm-real-");
        Path copy = dir.resolve("home/alice/Maildir");
        Files.createDirectories(copy.getParent());
        Processes.Result cp = Processes.run(dir, 30, "cp", "-a", maildir.toString(), copy.toString());
        assertEquals(0, cp.exitCode(), cp.toString());
        Files.createDirectories(dir.resolve("run"));
        Path conf = dir.resolve("dovecot.conf");
        Files.writeString(conf, String.join("\n", "protocols =", "base_dir = " + dir.resolve("run"),
                "state_dir = " + dir.resolve("run"), "instance_name = tegami-doveadm-" + System.nanoTime(),
                "log_path = " + dir.resolve("dovecot.log"), "ssl = no", "mail_location = maildir:~/Maildir",
                "first_valid_uid = 1", "passdb {", "  driver = static", "  args = password=unused", "}", "userdb {",
                "  driver = static", "  args = uid=" + MaildirDovecot.MAIL_UID + " gid=" + MaildirDovecot.MAIL_UID
                        + " home=" + dir.resolve("home") + "/%u", "}", ""), StandardCharsets.UTF_8);
        dir.toFile().setExecutable(true, false);
        MaildirDovecot.handOver(dir.resolve("home"));
        Process dovecot = new ProcessBuilder(MaildirDovecot.BINARY.toString(), "-F", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("dovecot.out").toFile()).start();
        try {
            long deadline = System.currentTimeMillis() + 20_000;
            while (!Files.exists(dir.resolve("run/auth-userdb"))) {
                assertTrue(dovecot.isAlive() && System.currentTimeMillis() < deadline, "dovecot did not start");
                Thread.sleep(100);
            }
            List<String> cmd = new ArrayList<>(List.of("doveadm", "-c", conf.toString()));
            cmd.addAll(List.of(args));
            Processes.Result r = Processes.run(dir, 60, cmd.toArray(new String[0]));
            assertEquals(0, r.exitCode(), r.toString());
            return r.stdout();
        } finally {
            dovecot.destroy();
            if (!dovecot.waitFor(20, TimeUnit.SECONDS)) {
                dovecot.destroyForcibly();
            }
        }
    }
}
