package io.tegami.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Directory fsyncs that nobody waits for, run on a background thread and gathered: the first
 * request starts a wait of {@code linger}, and one fsync then serves every request made until it
 * begins. Used where an fsync only narrows a window rather than protects an acknowledgement (the
 * removal of a delivered message, see {@link Removal}): at most one fsync per {@code linger}
 * instead of one per message, each costing a disk cache flush.
 */
final class BackgroundSync {

    /** One daemon thread for every spool, started on demand and ended when idle. */
    private static final ThreadPoolExecutor THREAD = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), daemon());

    private final DirectorySync sync;
    private final long lingerNanos;
    private List<CompletableFuture<Void>> waiting = new ArrayList<>(); // guarded by this
    private boolean draining; // guarded by this

    BackgroundSync(DirectorySync sync, Duration linger) {
        this.sync = sync;
        this.lingerNanos = linger.toNanos();
    }

    /**
     * Asks for an fsync of the directory that starts after this call, within about {@code linger}.
     *
     * @return completed once such an fsync succeeded, or exceptionally with its failure
     */
    CompletableFuture<Void> request() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean start;
        synchronized (this) {
            waiting.add(done);
            start = !draining;
            draining = true;
        }
        if (start) {
            try {
                THREAD.execute(this::drain);
            } catch (RuntimeException e) {
                synchronized (this) {
                    draining = false;
                }
                done.completeExceptionally(e);
            }
        }
        return done;
    }

    private void drain() {
        while (true) {
            linger();
            List<CompletableFuture<Void>> batch;
            synchronized (this) {
                if (waiting.isEmpty()) {
                    draining = false;
                    return;
                }
                batch = waiting;
                waiting = new ArrayList<>();
            }
            try {
                sync.sync(); // begins after every request of the batch was made
                batch.forEach(f -> f.complete(null));
            } catch (Exception | LinkageError e) {
                batch.forEach(f -> f.completeExceptionally(e));
            }
        }
    }

    private void linger() {
        long end = System.nanoTime() + lingerNanos;
        for (long left = lingerNanos; left > 0; left = end - System.nanoTime()) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                return; // never: the pool is not shut down; fsync at once then
            }
        }
    }

    private static ThreadFactory daemon() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "tegami-queue-sync-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
