package io.tegami.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Background fsyncs: requests made within the linger share one fsync, which begins after each of them. */
class BackgroundSyncTest {

    private final AtomicLong clock = new AtomicLong();
    private final List<Long> starts = Collections.synchronizedList(new ArrayList<>());

    @Test
    void requestsWithinTheLingerShareOneFsyncBegunAfterAllOfThem() throws Exception {
        BackgroundSync later = new BackgroundSync(new DirectorySync(Path.of("/spool/active"),
                dir -> starts.add(clock.incrementAndGet())), Duration.ofMillis(200));
        List<CompletableFuture<Void>> done = new ArrayList<>();
        List<Long> asked = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            asked.add(clock.incrementAndGet());
            done.add(later.request());
        }
        for (CompletableFuture<Void> f : done) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertEquals(1, starts.size(), "one fsync for the lot: " + starts);
        assertTrue(starts.get(0) > asked.get(asked.size() - 1), "it began after the last request");

        long again = clock.incrementAndGet();
        later.request().get(10, TimeUnit.SECONDS);
        assertEquals(2, starts.size(), "a later request gets an fsync of its own");
        assertTrue(starts.get(1) > again);
    }

    @Test
    void aFailedFsyncFailsItsRequestsAndTheNextOneIsTriedAgain() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        BackgroundSync later = new BackgroundSync(new DirectorySync(Path.of("/spool/active"), dir -> {
            if (broken.getAndSet(false)) {
                throw new IOException("EIO");
            }
        }), Duration.ofMillis(1));
        ExecutionException e = assertThrows(ExecutionException.class, () -> later.request().get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IOException, e.toString());
        later.request().get(10, TimeUnit.SECONDS);
    }
}
