package io.tegami.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Durability under load: while several clients send mail as fast as they can, the server is
 * killed with SIGKILL at random moments and started again. Every message acknowledged with
 * "250 ... queued as" must reach the mailbox; duplicates are allowed (a crash between delivery
 * and the queue's record of it), and counted.
 */
class KillDuringBurstIT {

    private static final Pattern TOKEN = Pattern.compile("Subject: burst ([0-9]+-[0-9]+)");
    private static final int SENDERS = 6;
    private static final int KILLS = 3;

    private InstalledTegami tegami;

    @AfterEach
    void stop() throws Exception {
        if (tegami != null) {
            tegami.tegami("stop");
        }
    }

    @Test
    void everyAcknowledgedMessageSurvivesRepeatedKills() throws Exception {
        TestHome ports = TestHome.create("burst", "minimal_backoff_time = 1s", "maximal_backoff_time = 2s",
                "queue_run_delay = 1s");
        ports.addUser("alice", "secret");
        tegami = InstalledTegami.install(ports);
        assertEquals(0, tegami.tegami("start").exitCode());
        Net.awaitListening(ports.smtpPort, 30_000);

        long seed = System.nanoTime();
        Random random = new Random(seed);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread[] senders = new Thread[SENDERS];
        for (int i = 0; i < SENDERS; i++) {
            int sender = i;
            senders[i] = new Thread(() -> sendUntilStopped(ports.smtpPort, sender, running, acknowledged, attempts));
            senders[i].start();
        }
        for (int kill = 0; kill < KILLS; kill++) {
            Thread.sleep(800 + random.nextInt(2500));
            tegami.kill9();
            Thread.sleep(random.nextInt(300));
            assertEquals(0, tegami.tegami("start").exitCode(), "restart after kill " + (kill + 1));
            Net.awaitListening(ports.smtpPort, 30_000);
        }
        Thread.sleep(1000);
        running.set(false);
        for (Thread t : senders) {
            t.join(30_000);
        }

        Map<String, Integer> delivered = awaitDelivered(ports.maildir("alice").resolve("new"), acknowledged);
        int duplicates = delivered.values().stream().mapToInt(n -> n - 1).sum();
        long lost = acknowledged.stream().filter(t -> !delivered.containsKey(t)).count();
        System.out.printf("kill -9 burst (seed %d): %d attempts, %d acknowledged, %d delivered distinct,"
                + " %d lost, %d duplicates%n", seed, attempts.get(), acknowledged.size(), delivered.size(), lost, duplicates);
        assertTrue(acknowledged.size() > 20, "the burst sent too little to mean anything: " + acknowledged.size());
        assertEquals(0, lost, "acknowledged messages lost (seed " + seed + "); log:\n" + tegami.log());
    }

    /** One client: a new connection per message; connection errors while the server is down are expected. */
    private static void sendUntilStopped(int port, int sender, AtomicBoolean running, Set<String> acknowledged,
            AtomicInteger attempts) {
        int n = 0;
        while (running.get()) {
            String token = sender + "-" + (n++);
            attempts.incrementAndGet();
            try (SmtpClient smtp = new SmtpClient(port)) {
                if (!"220".equals(prefix(smtp.replyLine()))
                        || !"250".equals(prefix(smtp.command("HELO burst.example")))
                        || !"250".equals(prefix(smtp.command("MAIL FROM:<sender@example.org>")))
                        || !"250".equals(prefix(smtp.command("RCPT TO:<alice@localhost>")))
                        || !"354".equals(prefix(smtp.command("DATA")))) {
                    continue;
                }
                smtp.send("Subject: burst " + token + "\r\n\r\n" + "x".repeat(2000) + "\r\n");
                String reply = smtp.command(".");
                if (reply != null && reply.startsWith("250 ") && reply.contains("queued as")) {
                    acknowledged.add(token);
                }
            } catch (IOException e) {
                pause();
            }
        }
    }

    private static Map<String, Integer> awaitDelivered(Path newDir, Set<String> acknowledged) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (true) {
            Map<String, Integer> delivered = new HashMap<>();
            for (String message : Maildirs.read(newDir)) {
                Matcher m = TOKEN.matcher(message);
                if (m.find()) {
                    delivered.merge(m.group(1), 1, Integer::sum);
                }
            }
            if (delivered.keySet().containsAll(acknowledged) || System.currentTimeMillis() > deadline) {
                return delivered;
            }
            Thread.sleep(500);
        }
    }

    private static String prefix(String reply) {
        return reply == null || reply.length() < 3 ? "" : reply.substring(0, 3);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
