package io.tegami.queue;

import static io.tegami.queue.QueueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.queue.QueueEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deferral, back-off, flush. Backoff here is 200 ms doubling to at most 800 ms. */
class RetryTest {

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
    void backoffDoublesFromTheMinimumUpToTheMaximum() {
        Duration min = Duration.ofSeconds(300);
        Duration max = Duration.ofSeconds(4000);
        assertEquals(Duration.ofSeconds(300), Backoff.delay(1, min, max));
        assertEquals(Duration.ofSeconds(600), Backoff.delay(2, min, max));
        assertEquals(Duration.ofSeconds(1200), Backoff.delay(3, min, max));
        assertEquals(Duration.ofSeconds(2400), Backoff.delay(4, min, max));
        assertEquals(Duration.ofSeconds(4000), Backoff.delay(5, min, max));
        assertEquals(Duration.ofSeconds(4000), Backoff.delay(1_000_000, min, max));
        assertEquals(Duration.ofSeconds(300), Backoff.delay(3, min, Duration.ofSeconds(10)), "never below the minimum");
    }

    @Test
    void aDeferredRecipientIsRetriedWithGrowingBackoffUntilItIsSent() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<Instant> times = new CopyOnWriteArrayList<>();
        ScriptedAgent agent = new ScriptedAgent((m, r) -> {
            times.add(Instant.now());
            return attempts.incrementAndGet() <= 3
                    ? DeliveryResult.deferred("4.2.0", "local", "mailbox busy, try " + attempts.get())
                    : DeliveryResult.sent("local", "delivered to test");
        });
        fx = new QueueFixture(home).agent("local", agent);
        fx.parameters.set("queue_run_delay", "1h"); // only the retry timers may drive this
        fx.start();
        String id = fx.send("alice@example.org", "Subject: retry\n\n", "bob@example.org");

        await("first deferral", () -> fx.spool().locate(id).filter(Spool.DEFERRED::equals).isPresent());
        QueueEntry entry = fx.queue.find(id).orElseThrow();
        assertEquals("deferred", entry.queueName());
        assertEquals("mailbox busy, try 1", entry.lastReason());

        await("delivery", Duration.ofSeconds(10), () -> fx.removed(id));
        assertEquals(4, times.size());
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(Duration.between(times.get(i - 1), times.get(i)).toMillis());
        }
        // 200, 400, 800 ms: each wait at least its doubled back-off (no upper bounds: CI machines stall)
        assertTrue(gaps.get(0) >= 190, gaps.toString());
        assertTrue(gaps.get(1) >= 390, gaps.toString());
        assertTrue(gaps.get(2) >= 780, gaps.toString());
        assertTrue(!java.nio.file.Files.exists(fx.spool().file(Spool.DEFER_LOG, id)), "defer log removed with the message");
        assertTrue(fx.queue.list().isEmpty());
    }

    @Test
    void partialDeliveryKeepsOnlyTheDeferredRecipientPending() throws Exception {
        ScriptedAgent agent = new ScriptedAgent((m, r) -> r.localPart().equals("slow")
                ? DeliveryResult.deferred("4.4.1", "local", "try later")
                : DeliveryResult.sent("local", "ok"));
        fx = new QueueFixture(home).agent("local", agent);
        fx.parameters.set("minimal_backoff_time", "1h").set("maximal_backoff_time", "1h");
        fx.start();
        String id = fx.send("alice@example.org", "Subject: x\n\n", "fast@example.org", "slow@example.org");
        await("deferral", () -> fx.spool().locate(id).filter(Spool.DEFERRED::equals).isPresent());
        QueueEntry e = fx.queue.find(id).orElseThrow();
        assertEquals(List.of("slow@example.org"), e.pending().stream().map(Object::toString).toList());
        assertEquals(2, e.envelope().recipients().size());
        DeferState state = DeferState.read(fx.spool().file(Spool.DEFER_LOG, id)).orElseThrow();
        assertEquals(1, state.attempts());
        assertTrue(state.nextRetry().isAfter(Instant.now().plus(Duration.ofMinutes(59))));

        agent.script((m, r) -> DeliveryResult.sent("local", "ok"));
        fx.queue.flush(); // postqueue -f: now, despite the hour
        await("removal", () -> fx.removed(id));
        assertEquals(1, agent.callsFor(id, io.tegami.api.mail.MailAddress.parse("fast@example.org")));
        assertEquals(2, agent.callsFor(id, io.tegami.api.mail.MailAddress.parse("slow@example.org")));
    }

    @Test
    void thePeriodicScanPicksUpDueDeferredMessages() throws Exception {
        AtomicInteger n = new AtomicInteger();
        ScriptedAgent agent = new ScriptedAgent((m, r) -> n.incrementAndGet() == 1
                ? DeliveryResult.deferred("4.4.1", "local", "later") : DeliveryResult.sent("local", "ok"));
        fx = new QueueFixture(home).agent("local", agent);
        fx.start();
        String id = fx.send("alice@example.org", "Subject: x\n\n", "bob@example.org");
        await("deferral", () -> fx.spool().locate(id).filter(Spool.DEFERRED::equals).isPresent());
        // Forget the in-memory timer, as a restart without recovery would: a fresh queue whose
        // recovery sees a retry time in the future, and a scan that comes after it.
        fx.stop();
        new DeferState(1, Instant.now().plusMillis(400), "later").write(fx.spool().file(Spool.DEFER_LOG, id));
        fx.start();
        await("delivery by a scan or timer", () -> fx.removed(id));
    }
}
