package io.tegami.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hot swap of the mail store in the real distribution: with the store-maildir bundle stopped,
 * mail is accepted and deferred (4.3.0, kept in the spool, logged as deferred); once the bundle
 * is started again the queue's next retry delivers it. Nothing is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreHotSwapIT {

    private static final Pattern QUEUED = Pattern.compile("250 2\\.0\\.0 Ok: queued as ([0-9A-F]{6,})");
    private static final String BUNDLE = "io.tegami.store-maildir";

    private TestHome ports;
    private Path home;

    @BeforeAll
    void startServer() throws Exception {
        // Retries come quickly, so that a deferred message goes out soon after the store is back.
        ports = TestHome.create("storeswap", "minimal_backoff_time = 1s", "maximal_backoff_time = 2s",
                "queue_run_delay = 1s");
        home = ports.home;
        copyDistribution(TegamiOptions.distribution(), home);
        ports.addUser("alice", "pw");
        Processes.Result started = run(home.resolve("bin/tegami").toString(), "start");
        assertEquals(0, started.exitCode(), started.toString());
        Net.awaitListening(ports.smtpPort, 30_000);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (home != null) {
            run(home.resolve("bin/tegami").toString(), "stop");
        }
    }

    @Test
    void stoppingTheStoreDefersMailAndStartingItDeliversEverything() throws Exception {
        String before = send("before the swap");
        awaitDelivered(before);

        Processes.Result stop = ctl("stop", BUNDLE);
        assertEquals(0, stop.exitCode(), stop.toString());
        String first = send("while the store is away 1");
        String second = send("while the store is away 2");
        awaitLog(first + ": to=<alice@localhost>, relay=local", "status=deferred (mail store unavailable (maildir))");
        Thread.sleep(3000); // a few retries come and go
        assertTrue(spoolHolds(first) && spoolHolds(second), "deferred mail stays in the spool");
        assertTrue(notDelivered(first) && notDelivered(second), "nothing reaches the Maildir meanwhile");
        assertTrue(log().contains(second + ": to=<alice@localhost>, relay=local"), log());

        Processes.Result start = ctl("start", bundleId("Tegami store-maildir"));
        assertEquals(0, start.exitCode(), start.toString());
        awaitDelivered(first);
        awaitDelivered(second);
        awaitLog(first + ": to=<alice@localhost>, relay=local", "status=sent (delivered to maildir)");
        // The queue file goes after the delivery is logged; give the queue manager a moment.
        assertTrue(awaitGoneFromSpool(first) && awaitGoneFromSpool(second), "delivered mail leaves the spool");
        assertEquals(3, allMessages().size(), "each message exactly once: " + allMessages());
    }

    private String send(String marker) throws Exception {
        try (SmtpClient smtp = new SmtpClient(ports.smtpPort)) {
            assertTrue(smtp.replyLine().startsWith("220 "));
            assertTrue(smtp.command("HELO localhost").startsWith("250 "));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<root@localhost>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<alice@localhost>"));
            assertEquals("354 End data with <CR><LF>.<CR><LF>", smtp.command("DATA"));
            smtp.send("Subject: " + marker + "\r\n\r\n" + marker + "\r\n");
            String queued = smtp.command(".");
            Matcher m = QUEUED.matcher(queued);
            assertTrue(m.matches(), queued);
            smtp.command("QUIT");
            return m.group(1);
        }
    }

    private List<String> allMessages() throws IOException {
        List<String> all = new java.util.ArrayList<>(Maildirs.read(ports.maildir("alice").resolve("new")));
        all.addAll(Maildirs.read(ports.maildir("alice").resolve("cur")));
        return all;
    }

    private boolean notDelivered(String id) throws IOException {
        return allMessages().stream().noneMatch(m -> m.contains(id));
    }

    private void awaitDelivered(String id) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (notDelivered(id)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(id + " was not delivered; log:\n" + log());
            }
            Thread.sleep(200);
        }
    }

    private void awaitLog(String prefix, String status) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (log().lines().noneMatch(l -> l.contains(prefix) && l.contains(status))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no log line with " + prefix + " ... " + status + " in\n" + log());
            }
            Thread.sleep(200);
        }
    }

    private String log() throws IOException {
        Path log = home.resolve("logs/tegami.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private boolean spoolHolds(String id) throws IOException {
        // The queue manager moves and deletes files while we walk: a vanished file means "look again".
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> files = Files.walk(home.resolve("data/spool"))) {
                return files.anyMatch(p -> p.getFileName().toString().startsWith(id));
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private boolean awaitGoneFromSpool(String id) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (spoolHolds(id)) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
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

    private Processes.Result ctl(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = home.resolve("bin/tegami-ctl").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        return run(cmd);
    }

    private Processes.Result run(String... cmd) throws Exception {
        return Processes.run(home, 90, cmd);
    }

    /** The distribution's files, keeping the test's own configs/ and data/. */
    private static void copyDistribution(Path from, Path to) throws IOException {
        Set<String> skip = Set.of("data", "logs", "configs");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path src : files.toList()) {
                Path rel = from.relativize(src);
                if (rel.getNameCount() > 0 && skip.contains(rel.getName(0).toString())) {
                    continue;
                }
                Path dst = to.resolve(rel.toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.createDirectories(to.resolve("logs"));
        for (String script : List.of("bin/tegami", "bin/tegami-ctl")) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(to.resolve(script));
            perms.add(PosixFilePermission.OWNER_EXECUTE);
            Files.setPosixFilePermissions(to.resolve(script), perms);
        }
    }
}
