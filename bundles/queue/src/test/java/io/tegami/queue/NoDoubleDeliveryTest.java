package io.tegami.queue;

import static io.tegami.queue.QueueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.tegami.api.delivery.DeliveryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under flushes, periodic scans, random deferrals and a restart in the middle, every recipient is
 * reported SENT exactly once and no message is left behind.
 */
class NoDoubleDeliveryTest {

    @TempDir
    Path home;
    QueueFixture fx;

    @AfterEach
    void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void everyRecipientIsSentExactlyOnce() throws Exception {
        Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
        ScriptedAgent agent = new ScriptedAgent((m, r) -> {
            if (ThreadLocalRandom.current().nextInt(4) == 0) {
                return DeliveryResult.deferred("4.4.1", "local", "random hiccup");
            }
            sent.computeIfAbsent(m.queueId() + " " + r, k -> new AtomicInteger()).incrementAndGet();
            return DeliveryResult.sent("local", "ok");
        });
        fx = new QueueFixture(home).agent("local", agent);
        fx.parameters.set("queue_run_delay", "50ms").set("minimal_backoff_time", "50ms")
                .set("maximal_backoff_time", "100ms").set("default_process_limit", "4");
        fx.start();

        AtomicBoolean flushing = new AtomicBoolean(true);
        Thread flusher = new Thread(() -> {
            while (flushing.get()) {
                SpoolQueue q = fx.queue;
                if (q != null) {
                    q.flush();
                }
                Thread.onSpinWait();
            }
        });
        flusher.start();

        List<String> ids = new ArrayList<>();
        int messages = 60;
        String[] rcpts = {"a@example.org", "b@example.org", "c@example.org", "d@example.org", "e@example.org"};
        for (int i = 0; i < messages; i++) {
            ids.add(fx.send("sender@example.org", "Subject: " + i + "\n\nbody " + i + "\n", rcpts));
            if (i == messages / 2) {
                fx.stop(); // a restart in the middle of it all
                fx.start();
            }
        }
        await("all delivered", Duration.ofSeconds(30), () -> ids.stream().allMatch(fx::removed));
        flushing.set(false);
        flusher.join();

        assertEquals(messages * rcpts.length, sent.size());
        sent.forEach((k, v) -> assertEquals(1, v.get(), k));
        assertTrue(fx.queue.list().isEmpty());
    }
}
