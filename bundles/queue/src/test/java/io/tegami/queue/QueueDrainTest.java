package io.tegami.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** postfix stop's drain of the queue manager: no new passes, the running ones finish. */
class QueueDrainTest {

    private final List<String> started = new CopyOnWriteArrayList<>();
    private final List<String> finished = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch running = new CountDownLatch(1);
    private QueueManager manager;

    @AfterEach
    void stop() {
        release.countDown();
        manager.stop();
    }

    private QueueManager manager() {
        manager = new QueueManager(2, (id, force) -> {
            started.add(id);
            running.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // A drain is not a stop: the pass goes on to its last recipient.
            finished.add(id + (manager.stopping() ? " cut short" : " complete"));
        });
        return manager;
    }

    @Test
    void runningDeliveriesFinishAndNoNewOneStarts() throws Exception {
        manager().submit("A1", false);
        assertTrue(running.await(5, TimeUnit.SECONDS));
        CompletableFuture<Void> drained = manager.drain(Duration.ofSeconds(30)).toCompletableFuture();
        assertEquals(1, manager.running());
        manager.submit("B2", true); // a message committed by an SMTP session finishing its DATA
        Thread.sleep(200);
        assertFalse(drained.isDone());
        release.countDown();
        drained.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("A1 complete"), finished);
        assertEquals(List.of("A1"), started, "B2 stays in the queue for the next start");
        assertEquals(0, manager.running());
    }

    @Test
    void anIdleQueueDrainsAtOnceAndTheBoundEndsTheWait() throws Exception {
        manager();
        manager.drain(Duration.ofSeconds(30)).toCompletableFuture().get(1, TimeUnit.SECONDS);

        QueueManager busy = new QueueManager(1, (id, force) -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            busy.submit("C3", false);
            long t0 = System.nanoTime();
            while (busy.running() == 0 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5)) {
                Thread.sleep(10);
            }
            t0 = System.nanoTime();
            busy.drain(Duration.ofMillis(300)).toCompletableFuture().get(3, TimeUnit.SECONDS);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms >= 250 && ms < 2500, "waited " + ms + " ms");
            assertEquals(1, busy.running());
        } finally {
            busy.stop();
        }
    }
}
