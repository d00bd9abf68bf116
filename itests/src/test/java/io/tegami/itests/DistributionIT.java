package io.tegami.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The distribution as an admin runs it: bin/tegami start, bin/tegami-ctl commands through the
 * admin socket, hot swap from the console, and a kill -9 after "250 queued" that must not lose
 * the message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {

    private static final Pattern QUEUED = Pattern.compile("250 2\\.0\\.0 Ok: queued as ([0-9A-F]{6,})");

    private Path home;
    private TestHome ports;
    private InstalledTegami tegami;

    @BeforeAll
    void startServer() throws Exception {
        ports = TestHome.create("dist", "minimal_backoff_time = 1s", "maximal_backoff_time = 2s", "queue_run_delay = 1s");
        home = ports.home;
        tegami = InstalledTegami.install(ports);
        Processes.Result started = tegami("start");
        assertEquals(0, started.exitCode(), started.toString());
        Net.awaitListening(ports.smtpPort, 30_000);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (home != null) {
            Processes.Result stopped = tegami("stop");
            assertEquals(0, stopped.exitCode(), stopped.toString());
        }
    }

    @Test
    @Order(1)
    void everyBundleIsActive() throws Exception {
        Processes.Result lb = ctl("lb");
        assertEquals(0, lb.exitCode(), lb.toString());
        List<String> rows = lb.stdout().lines().filter(l -> l.matches("\\s*\\d+\\|.*")).toList();
        assertTrue(rows.size() > 30, lb.stdout());
        for (String row : rows) {
            // Netty's native epoll library is a fragment of its classes bundle: Resolved, never Active.
            boolean fragment = row.contains("Netty/Transport/Native/Epoll") && row.contains("|Resolved");
            assertTrue(row.contains("|Active") || fragment, "not active: " + row + "\n" + lb.stdout());
        }
        assertTrue(lb.stdout().contains("Tegami smtp"), lb.stdout());
    }

    @Test
    @Order(2)
    void useraddWritesADovecotPasswdFileAndTheTranscriptDelivers() throws Exception {
        Processes.Result added = ctl("useradd", "alice", "s3cret pass");
        assertEquals(0, added.exitCode(), added.toString());
        String passwd = Files.readString(home.resolve("data/passwd"), StandardCharsets.UTF_8);
        assertTrue(passwd.startsWith("alice:{SHA512-CRYPT}$6$"), passwd);
        assertFalse(passwd.contains("s3cret"), "no plaintext password on disk");

        String id = sendClassicTranscript();
        String message = awaitMessageContaining(id);
        assertTrue(message.endsWith("\ntest\n"), message);
    }

    @Test
    @Order(3)
    void failingCommandsExitNonZero() throws Exception {
        Processes.Result dup = ctl("useradd", "alice", "again");
        assertTrue(dup.exitCode() != 0, dup.toString());
        Processes.Result unknown = ctl("no-such-command");
        assertTrue(unknown.exitCode() != 0, unknown.toString());
    }

    @Test
    @Order(4)
    void postconfShowsWhatDiffersFromTheDefaults() throws Exception {
        Processes.Result n = ctl("postconf", "-n");
        assertEquals(0, n.exitCode(), n.toString());
        assertTrue(n.stdout().contains("minimal_backoff_time = 1s"), n.stdout());
        assertFalse(n.stdout().contains("mydestination"), n.stdout());
        Processes.Result d = ctl("postconf", "mydestination");
        assertEquals(0, d.exitCode(), d.toString());
        assertTrue(d.stdout().startsWith("mydestination = $myhostname, localhost.$mydomain, localhost"), d.stdout());
    }

    @Test
    @Order(5)
    void postconfEditsTheFileAndTheRunningServerFollows() throws Exception {
        Processes.Result set = ctl("postconf", "disable_vrfy_command=yes");
        assertEquals(0, set.exitCode(), set.toString());
        String cfg = Files.readString(home.resolve("configs/tegami.main.cfg"), StandardCharsets.UTF_8);
        assertTrue(cfg.contains("minimal_backoff_time = 1s") && cfg.contains("disable_vrfy_command = yes"), cfg);
        try (SmtpClient smtp = new SmtpClient(ports.smtpPort)) {
            smtp.replyLine();
            assertEquals("502 5.5.1 VRFY command is disabled", smtp.command("VRFY alice"));
        }
        Processes.Result n = ctl("postconf", "-n");
        assertTrue(n.stdout().contains("disable_vrfy_command = yes"), n.stdout());
    }

    @Test
    @Order(6)
    void stoppingTheSmtpBundleFromTheConsoleClosesThePort() throws Exception {
        Processes.Result stop = ctl("stop", "io.tegami.smtp");
        assertEquals(0, stop.exitCode(), stop.toString());
        Net.awaitRefusing(ports.smtpPort, 10_000);

        String id = bundleId("Tegami smtp");
        Processes.Result start = ctl("start", id);
        assertEquals(0, start.exitCode(), start.toString());
        Net.awaitListening(ports.smtpPort, 20_000);
        try (SmtpClient smtp = new SmtpClient(ports.smtpPort)) {
            assertTrue(smtp.replyLine().startsWith("220 "));
        }
    }

    @Test
    @Order(7)
    void mailAcknowledgedBeforeAKillIsDeliveredAfterTheRestart() throws Exception {
        // Without the delivery bundle the message can only wait in the queue.
        Processes.Result stop = ctl("stop", "io.tegami.delivery");
        assertEquals(0, stop.exitCode(), stop.toString());
        String id = sendClassicTranscript();

        tegami.kill9();
        assertTrue(spoolHolds(id), "queue file for " + id + " survives the kill");
        assertTrue(Maildirs.read(ports.maildir("alice").resolve("new")).stream().noneMatch(m -> m.contains(id)));

        Processes.Result restarted = tegami("start");
        assertEquals(0, restarted.exitCode(), restarted.toString());
        String message = awaitMessageContaining(id);
        assertTrue(message.contains("Delivered-To: alice@localhost"), message);
    }

    private String sendClassicTranscript() throws Exception {
        Net.awaitListening(ports.smtpPort, 20_000);
        try (SmtpClient smtp = new SmtpClient(ports.smtpPort)) {
            assertTrue(smtp.replyLine().startsWith("220 "));
            assertTrue(smtp.command("HELO localhost").startsWith("250 "));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:root@localhost"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:alice@localhost"));
            assertEquals("354 End data with <CR><LF>.<CR><LF>", smtp.command("DATA"));
            smtp.send("test\r\n");
            String queued = smtp.command(".");
            Matcher m = QUEUED.matcher(queued);
            assertTrue(m.matches(), queued);
            assertEquals("221 2.0.0 Bye", smtp.command("QUIT"));
            return m.group(1);
        }
    }

    private boolean spoolHolds(String id) throws IOException {
        try (Stream<Path> files = Files.walk(home.resolve("data/spool"))) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(id));
        }
    }

    private String bundleId(String name) throws Exception {
        Processes.Result lb = ctl("lb");
        for (String line : lb.stdout().lines().toList()) {
            if (line.contains("|" + name + " (")) {
                return line.substring(0, line.indexOf('|')).trim();
            }
        }
        throw new AssertionError("no bundle " + name + " in\n" + lb.stdout());
    }

    private String awaitMessageContaining(String marker) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (String m : Maildirs.read(ports.maildir("alice").resolve("new"))) {
                if (m.contains(marker)) {
                    return m;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no message containing " + marker + "; log:\n"
                + Files.readString(home.resolve("logs/tegami.log")));
    }

    private Processes.Result tegami(String action) throws Exception {
        return tegami.tegami(action);
    }

    private Processes.Result ctl(String... args) throws Exception {
        return tegami.ctl(args);
    }
}
