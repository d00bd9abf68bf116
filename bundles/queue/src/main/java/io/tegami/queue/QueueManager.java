package io.tegami.queue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs delivery passes on a small pool of its own threads and decides when: at once on commit,
 * at a deferred message's retry time, on a periodic queue scan, and when a missing transport
 * appears.
 *
 * <p>At most one pass per message runs at any time. A request for a message whose pass is running
 * is remembered and run after it, so nothing asked for is lost, and nothing runs twice at once.
 */
final class QueueManager {

    /** What a pass does; {@code force} means "ignore the retry time" (flush). */
    interface Pass {
        void run(String queueId, boolean force);
    }

    /** What to do to a message when its pass has ended, as asked while it ran. */
    interface AfterPass {
        /**
         * @param hold put it on hold ({@code postsuper -h} during the pass)
         * @param reset start its back-off over ({@code postsuper -r} during the pass)
         */
        void run(String queueId, boolean hold, boolean reset);
    }

    /** Work done while no pass over one message can start (see {@link #exclusive}). */
    interface Exclusive<T> {
        /** @param passRunning true if a pass over the message is running right now */
        T run(boolean passRunning) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(QueueManager.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Pass pass;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    // All three guarded by lock: waiting to start (id -> force), running, asked for again while running.
    private final Map<String, Boolean> queued = new HashMap<>();
    private final Set<String> running = new HashSet<>();
    private final Map<String, Boolean> again = new HashMap<>();
    private final Map<String, Set<String>> awaitingTransport = new HashMap<>();
    // Guarded by lock: what to do to messages once their running pass ends (postsuper -h, -r).
    private final Set<String> holdRequests = new HashSet<>();
    private final Set<String> resetRequests = new HashSet<>();
    private volatile AfterPass afterPass = (id, hold, reset) -> { };
    private volatile boolean stopping;
    /** Guarded by lock: set by postfix stop ({@link #drain}), completed when no pass runs. */
    private CompletableFuture<Void> drained;

    QueueManager(int threads, Pass pass) {
        this.pass = pass;
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemon("tegami-qmgr-delivery-"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("tegami-qmgr-timer-"));
    }

    /** True once {@link #stop()} began: passes should end after the recipient in hand. */
    boolean stopping() {
        return stopping;
    }

    /** Asks for a pass over {@code queueId} as soon as a thread is free. */
    void submit(String queueId, boolean force) {
        synchronized (lock) {
            if (stopping || drained != null) {
                return;
            }
            if (running.contains(queueId)) {
                again.merge(queueId, force, Boolean::logicalOr);
                return;
            }
            if (queued.containsKey(queueId)) {
                queued.merge(queueId, force, Boolean::logicalOr);
                return;
            }
            queued.put(queueId, force);
        }
        try {
            workers.execute(() -> runPass(queueId));
        } catch (RejectedExecutionException e) {
            synchronized (lock) {
                queued.remove(queueId); // stopping; the file stays on disk for the next start
            }
        }
    }

    /** Like {@link #submit} but does nothing if a pass is already queued or running (periodic scan). */
    void submitIfIdle(String queueId) {
        synchronized (lock) {
            if (running.contains(queueId) || queued.containsKey(queueId)) {
                return;
            }
        }
        submit(queueId, false);
    }

    /** Asks for a pass at {@code when} (a deferred message's retry time). */
    void submitAt(String queueId, Instant when) {
        long delay = Math.max(0, Duration.between(Instant.now(), when).toMillis());
        try {
            timer.schedule(() -> submit(queueId, false), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping; the periodic scan of the next start finds it
        }
    }

    /** Runs {@code scan} now and then again every {@code delay} (read anew each time). */
    void schedulePeriodic(Runnable scan, Supplier<Duration> delay) {
        try {
            timer.schedule(() -> {
                try {
                    scan.run();
                } catch (RuntimeException e) {
                    LOG.warn("queue scan failed", e);
                } finally {
                    schedulePeriodic(scan, delay);
                }
            }, Math.max(1, delay.get().toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    /**
     * Runs {@code work} while no pass over {@code queueId} can start, telling it whether one is
     * running. Administrative moves between queues (hold, release, requeue) use this so that they
     * never rename a file under a pass that is delivering it: a running pass is asked to stop
     * instead ({@link #requestHold}). Keep the work short (a rename): submissions wait for it.
     */
    <T> T exclusive(String queueId, Exclusive<T> work) throws IOException {
        synchronized (lock) {
            return work.run(running.contains(queueId));
        }
    }

    /** Sets what applies the requests made while a pass ran, once it has ended. */
    void onAfterPass(AfterPass action) {
        this.afterPass = action;
    }

    /**
     * Asks for the back-off of {@code queueId} to start over once its running pass has ended
     * (before any rerun). Call inside {@link #exclusive} when it reported a running pass.
     */
    void requestReset(String queueId) {
        synchronized (lock) {
            resetRequests.add(queueId);
        }
    }

    /**
     * Asks the running pass over {@code queueId} to stop after the recipient in hand; the message is
     * then put on hold. Call inside {@link #exclusive} when it reported a running pass.
     */
    void requestHold(String queueId) {
        synchronized (lock) {
            holdRequests.add(queueId);
        }
    }

    /** Withdraws a hold request (released or requeued before the pass ended). */
    boolean cancelHold(String queueId) {
        synchronized (lock) {
            return holdRequests.remove(queueId);
        }
    }

    /** True if the pass over {@code queueId} should stop because the message goes on hold. */
    boolean holdRequested(String queueId) {
        synchronized (lock) {
            return holdRequests.contains(queueId);
        }
    }

    /** Remembers that {@code queueId} waits for an agent for {@code transport}. */
    void awaitTransport(String queueId, String transport) {
        synchronized (lock) {
            awaitingTransport.computeIfAbsent(transport, t -> new HashSet<>()).add(queueId);
        }
    }

    /** An agent for {@code transport} appeared: retry at once what waited for it. */
    void transportAvailable(String transport) {
        Set<String> ids;
        synchronized (lock) {
            ids = awaitingTransport.remove(transport);
        }
        if (ids != null) {
            LOG.info("transport {} available: retrying {} message(s)", transport, ids.size());
            ids.forEach(id -> submit(id, true));
        }
    }

    private void runPass(String queueId) {
        Boolean force;
        synchronized (lock) {
            force = queued.remove(queueId);
            if (force == null || stopping || drained != null) {
                return;
            }
            running.add(queueId);
        }
        try {
            pass.run(queueId, force);
        } catch (RuntimeException | LinkageError e) {
            // The message stays where it is; the periodic scan tries it again.
            LOG.error("{}: delivery pass failed", queueId, e);
        } finally {
            Boolean rerun;
            boolean hold;
            boolean reset;
            CompletableFuture<Void> nowIdle;
            synchronized (lock) {
                running.remove(queueId);
                hold = holdRequests.remove(queueId);
                reset = resetRequests.remove(queueId);
                rerun = again.remove(queueId);
                nowIdle = drained != null && running.isEmpty() ? drained : null;
            }
            if (hold || reset) {
                // Before any rerun, so that the rerun finds the message on hold (and leaves it
                // there), or with its back-off reset.
                try {
                    afterPass.run(queueId, hold, reset);
                } catch (RuntimeException e) {
                    LOG.error("{}: cannot apply what was asked during its delivery", queueId, e);
                }
            }
            if (rerun != null) {
                submit(queueId, rerun);
            }
            if (nowIdle != null) {
                nowIdle.complete(null); // outside the lock: it runs what waits for the drain
            }
        }
    }

    /**
     * postfix stop: starts no new pass from now on (what is asked for stays in the queue for the
     * next start) and lets the running ones finish every recipient, unlike {@link #stop()}.
     *
     * @return completes when no pass runs any more, or when {@code bound} has passed
     */
    CompletionStage<Void> drain(Duration bound) {
        CompletableFuture<Void> f;
        boolean idle;
        synchronized (lock) {
            if (drained == null) {
                drained = new CompletableFuture<>();
                drained.completeOnTimeout(null, Math.max(0, bound.toMillis()), TimeUnit.MILLISECONDS);
                queued.clear();
            }
            f = drained;
            idle = running.isEmpty();
        }
        if (idle) {
            f.complete(null);
        }
        return f.minimalCompletionStage();
    }

    /** The passes running now. */
    int running() {
        synchronized (lock) {
            return running.size();
        }
    }

    /**
     * Stops the threads: no new passes start, queued ones are dropped (their files stay in the
     * queue for the next start), running ones end after their current recipient.
     */
    void stop() {
        synchronized (lock) {
            stopping = true;
            queued.clear();
        }
        timer.shutdownNow();
        workers.getQueue().clear();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("delivery threads still busy after {}s; interrupting them", STOP_GRACE.toSeconds());
                workers.shutdownNow();
                workers.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true); // never hold the JVM up; stop() ends them in order anyway
            return t;
        };
    }
}
