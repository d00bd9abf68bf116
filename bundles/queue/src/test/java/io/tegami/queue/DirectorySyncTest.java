package io.tegami.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Group commit: fewer fsyncs than callers, yet each caller covered by an fsync begun after it asked. */
class DirectorySyncTest {

    private record Span(long start, long end) {
    }

    private final AtomicLong clock = new AtomicLong();
    private final List<Span> fsyncs = Collections.synchronizedList(new ArrayList<>());

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void concurrentCallersShareFsyncsAndEachIsCoveredByOneBegunAfterItsCall() throws Exception {
        DirectorySync sync = new DirectorySync(Path.of("/spool/active"), dir -> {
            long start = clock.incrementAndGet();
            sleep(5);
            fsyncs.add(new Span(start, clock.incrementAndGet()));
        });
        int threads = 10;
        int each = 20;
        List<Span> calls = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        long asked = clock.incrementAndGet(); // "the rename is done"
                        sync.sync();
                        calls.add(new Span(asked, clock.incrementAndGet()));
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * each, calls.size());
        for (Span call : calls) {
            assertTrue(fsyncs.stream().anyMatch(f -> f.start() > call.start() && f.end() < call.end()),
                    "no fsync began after the call and ended before it returned: " + call);
        }
        assertEquals(fsyncs.size(), sync.fsyncs());
        assertTrue(fsyncs.size() < calls.size() / 2, fsyncs.size() + " fsyncs for " + calls.size() + " calls");
        List<Span> sorted = new ArrayList<>(fsyncs);
        sorted.sort((a, b) -> Long.compare(a.start(), b.start()));
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(sorted.get(i).start() > sorted.get(i - 1).end(), "two fsyncs at once");
        }
    }

    @Test
    void aLoneCallerRunsItsOwnFsync() throws Exception {
        AtomicLong runs = new AtomicLong();
        DirectorySync sync = new DirectorySync(Path.of("/spool/active"), dir -> runs.incrementAndGet());
        sync.sync();
        sync.sync();
        assertEquals(2, runs.get(), "a later call is never covered by an earlier fsync");
    }

    @Test
    void aFailedFsyncCoversNobody() throws Exception {
        AtomicBoolean failNext = new AtomicBoolean(true);
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong good = new AtomicLong();
        DirectorySync sync = new DirectorySync(Path.of("/spool/active"), dir -> {
            if (failNext.getAndSet(false)) {
                inFirst.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("EIO");
            }
            good.incrementAndGet();
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> leader = pool.submit(() -> {
                sync.sync();
                return null;
            });
            inFirst.await();
            Future<?> follower = pool.submit(() -> {
                sync.sync(); // waits for the failing fsync, then runs one of its own
                return null;
            });
            Thread.sleep(50);
            release.countDown();
            ExecutionException e = assertThrows(ExecutionException.class, () -> leader.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IOException, e.toString());
            follower.get(10, TimeUnit.SECONDS);
            assertEquals(1, good.get(), "the follower ran its own fsync");
        } finally {
            pool.shutdownNow();
        }
    }
}
