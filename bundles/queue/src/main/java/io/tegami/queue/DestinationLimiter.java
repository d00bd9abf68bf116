package io.tegami.queue;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-destination concurrency, as Postfix's queue manager keeps it: at most
 * {@code default_destination_concurrency_limit} (or {@code <transport>_destination_concurrency_limit})
 * deliveries to one destination at a time, so that one busy domain cannot take every delivery
 * thread, and a remote site is not flooded with parallel connections.
 *
 * <p>Simple on purpose: a delivery thread waits for a slot. That cannot deadlock, because a
 * thread holds at most one slot, only while its agent runs. The limit is read on every
 * acquisition, so a changed parameter applies to the next delivery.
 */
final class DestinationLimiter {

    /** A held slot; closing it frees the slot. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final Map<String, Integer> busy = new HashMap<>();

    /**
     * Waits for a slot for {@code destination}.
     *
     * @param limit the most deliveries to it at once; 0 or less means no limit
     * @throws InterruptedException if the thread is interrupted while waiting (shutdown)
     */
    Slot acquire(String destination, long limit) throws InterruptedException {
        synchronized (busy) {
            while (limit > 0 && busy.getOrDefault(destination, 0) >= limit) {
                busy.wait();
            }
            busy.merge(destination, 1, Integer::sum);
        }
        return () -> release(destination);
    }

    private void release(String destination) {
        synchronized (busy) {
            busy.computeIfPresent(destination, (d, n) -> n <= 1 ? null : n - 1);
            busy.notifyAll();
        }
    }

    /** Deliveries to {@code destination} now (for tests). */
    int inUse(String destination) {
        synchronized (busy) {
            return busy.getOrDefault(destination, 0);
        }
    }
}
