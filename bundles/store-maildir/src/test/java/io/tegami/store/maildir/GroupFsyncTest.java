package io.tegami.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Group commit: fewer fsyncs than callers, yet every caller covered by an fsync begun after it asked. */
class GroupFsyncTest {

    private record Span(Path dir, long start, long end) {
    }

    private final AtomicLong clock = new AtomicLong();
    private final List<Span> fsyncs = Collections.synchronizedList(new ArrayList<>());

    private GroupFsync slow(long millis) {
        return new GroupFsync(dir -> {
            long start = clock.incrementAndGet();
            sleep(millis);
            fsyncs.add(new Span(dir, start, clock.incrementAndGet()));
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void concurrentCallersShareFsyncsAndEachIsCoveredByOneBegunAfterItsCall() throws Exception {
        GroupFsync group = slow(5);
        Path dir = Path.of("/maildir/new");
        int threads = 8;
        int each = 25;
        List<Span> calls = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        long asked = clock.incrementAndGet(); // "the rename is done"
                        group.sync(dir);
                        calls.add(new Span(dir, asked, clock.incrementAndGet()));
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
            boolean covered = fsyncs.stream().anyMatch(f -> f.start() > call.start() && f.end() < call.end());
            assertTrue(covered, "no fsync began after the call and ended before it returned: " + call);
        }
        assertTrue(fsyncs.size() < calls.size() / 2, fsyncs.size() + " fsyncs for " + calls.size() + " calls");
        // never two fsyncs of one directory at once
        List<Span> sorted = new ArrayList<>(fsyncs);
        sorted.sort((a, b) -> Long.compare(a.start(), b.start()));
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(sorted.get(i).start() > sorted.get(i - 1).end(), "overlapping fsyncs");
        }
    }

    @Test
    void directoriesAreSyncedIndependently() throws Exception {
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupFsync group = new GroupFsync(dir -> {
            if (dir.endsWith("a")) {
                inFirst.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> blocked = pool.submit(() -> {
                group.sync(Path.of("/a"));
                return null;
            });
            inFirst.await();
            group.sync(Path.of("/b")); // does not wait for /a's fsync
            release.countDown();
            blocked.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedFsyncCoversNobody() throws Exception {
        AtomicBoolean failNext = new AtomicBoolean(true);
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong good = new AtomicLong();
        GroupFsync group = new GroupFsync(dir -> {
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
        Path dir = Path.of("/maildir/new");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> leader = pool.submit(() -> {
                group.sync(dir);
                return null;
            });
            inFirst.await();
            Future<?> follower = pool.submit(() -> {
                group.sync(dir); // waits for the failing fsync, then must run one of its own
                return null;
            });
            Thread.sleep(50);
            release.countDown();
            Exception e = assertThrows(Exception.class, () -> leader.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IOException, e.toString());
            follower.get(10, TimeUnit.SECONDS);
            assertEquals(1, good.get(), "the follower ran its own fsync");
        } finally {
            pool.shutdownNow();
        }
    }
}
