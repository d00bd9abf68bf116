package io.tegami.transport;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Time limits for what a blocking socket cannot limit by itself: a write to a server that stops
 * reading blocks for ever, so each write is guarded by a timer that closes the socket when it
 * expires ({@code smtp_data_xfer_timeout}). Also runs the connection cache's sweeps.
 */
final class Watchdog implements AutoCloseable {

    /** An armed timer; {@link #close()} disarms it. */
    static final class Guard implements AutoCloseable {
        private final ScheduledFuture<?> timer;
        private final AtomicBoolean fired;

        private Guard(ScheduledFuture<?> timer, AtomicBoolean fired) {
            this.timer = timer;
            this.fired = fired;
        }

        /** True if the time ran out and the connection was closed. */
        boolean fired() {
            return fired.get();
        }

        @Override
        public void close() {
            timer.cancel(false);
        }
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tegami-smtp-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** Closes {@code target} unless the guard is closed within {@code limit}. */
    Guard arm(Closeable target, Duration limit) {
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> f = timer.schedule(() -> {
            fired.set(true);
            try {
                target.close();
            } catch (IOException e) {
                // closing is all we can do
            }
        }, Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
        return new Guard(f, fired);
    }

    /** Runs {@code task} every {@code period}. */
    void every(Duration period, Runnable task) {
        timer.scheduleWithFixedDelay(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
