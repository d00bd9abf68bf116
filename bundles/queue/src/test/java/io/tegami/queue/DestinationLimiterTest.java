package io.tegami.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.tegami.api.mail.MailAddress;
import org.junit.jupiter.api.Test;

/** default_destination_concurrency_limit: deliveries to one destination at a time. */
class DestinationLimiterTest {

    @Test
    void aFullDestinationMakesTheNextDeliveryWaitButNotOthers() throws Exception {
        DestinationLimiter limiter = new DestinationLimiter();
        DestinationLimiter.Slot a = limiter.acquire("smtp:example.org", 2);
        DestinationLimiter.Slot b = limiter.acquire("smtp:example.org", 2);
        try (DestinationLimiter.Slot other = limiter.acquire("smtp:example.net", 2)) {
            assertEquals(1, limiter.inUse("smtp:example.net"));
        }
        CountDownLatch got = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try (DestinationLimiter.Slot c = limiter.acquire("smtp:example.org", 2)) {
                got.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        assertFalse(got.await(200, TimeUnit.MILLISECONDS), "third waits while two are busy");
        a.close();
        assertTrue(got.await(5, TimeUnit.SECONDS));
        t.join();
        b.close();
        assertEquals(0, limiter.inUse("smtp:example.org"));
    }

    @Test
    void manyThreadsNeverExceedTheLimit() throws Exception {
        DestinationLimiter limiter = new DestinationLimiter();
        AtomicInteger now = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        Thread[] threads = new Thread[12];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                for (int j = 0; j < 20; j++) {
                    try (DestinationLimiter.Slot s = limiter.acquire("local:bob@example.org", 3)) {
                        max.accumulateAndGet(now.incrementAndGet(), Math::max);
                        Thread.sleep(1);
                        now.decrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(max.get() <= 3 && max.get() >= 1, "max " + max.get());
    }

    @Test
    void localDestinationsAreRecipientsOtherTransportsDomains() {
        MailAddress bob = MailAddress.parse("bob@Example.ORG");
        assertEquals("local:bob@example.org", DeliveryPass.destination("local", bob));
        assertEquals("smtp:example.org", DeliveryPass.destination("smtp", bob));
    }
}
