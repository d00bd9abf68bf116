package io.tegami.shell.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.net.Drainable;

/** postfix stop drains every Drainable, bounded by tegami_stop_timeout, before the framework stops. */
class GracefulStopTest {

    private final List<String> journal = new CopyOnWriteArrayList<>();

    /** Finishes its work after {@code workMillis}, or never (negative); keeps the bound like net and queue do. */
    private final class FakeDrainable implements Drainable {
        final String name;
        final long workMillis;
        volatile int busy = 1;
        volatile Duration boundSeen;

        FakeDrainable(String name, long workMillis) {
            this.name = name;
            this.workMillis = workMillis;
        }

        @Override
        public CompletionStage<Void> drain(Duration bound) {
            journal.add("drain " + name);
            boundSeen = bound;
            CompletableFuture<Void> f = new CompletableFuture<>();
            if (workMillis >= 0) {
                CompletableFuture.delayedExecutor(workMillis, TimeUnit.MILLISECONDS).execute(() -> {
                    busy = 0;
                    f.complete(null);
                });
            }
            return f.completeOnTimeout(null, bound.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int inProgress() {
            return busy;
        }
    }

    private final MailSystem system = new MailSystem() {
        @Override
        public long pid() {
            return 1;
        }

        @Override
        public void stop(Duration bound) {
            journal.add("framework stop");
        }

        @Override
        public void stop(Duration bound, Runnable first) {
            first.run();
            journal.add("framework stop");
        }
    };

    @Test
    void everyServiceIsDrainedBeforeTheFrameworkStops() {
        FakeDrainable smtp = new FakeDrainable("smtp", 200);
        FakeDrainable queue = new FakeDrainable("queue", 50);
        MapMailParameters p = new MapMailParameters(Path.of(".")).set("tegami_stop_timeout", "20s");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        new StopAction(system, p, List.of(smtp, queue)).run(List.of(), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertEquals("postfix/postfix-script: stopping the Postfix mail system\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("framework stop", journal.get(2), journal.toString());
        assertTrue(journal.containsAll(List.of("drain smtp", "drain queue")), journal.toString());
        assertEquals(Duration.ofSeconds(20), smtp.boundSeen);
        assertTrue(ms >= 180 && ms < 5000, "waited for the slowest: " + ms + " ms");
        assertEquals(0, smtp.inProgress() + queue.inProgress());
    }

    @Test
    void theTimeoutEndsTheWaitAndReportsWhatIsLeft() {
        FakeDrainable stuck = new FakeDrainable("stuck", -1);
        long t0 = System.nanoTime();
        int left = GracefulDrain.run(List.of(stuck, new FakeDrainable("quick", 0)), Duration.ofMillis(300));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertEquals(1, left);
        assertTrue(ms >= 250 && ms < 3000, "bounded: " + ms + " ms");
    }

    @Test
    void aFailingServiceDoesNotKeepTheOthersFromDraining() {
        Drainable broken = new Drainable() {
            @Override
            public CompletionStage<Void> drain(Duration bound) {
                throw new IllegalStateException("gone");
            }

            @Override
            public int inProgress() {
                throw new IllegalStateException("gone");
            }
        };
        FakeDrainable ok = new FakeDrainable("ok", 10);
        assertEquals(0, GracefulDrain.run(List.of(broken, ok), Duration.ofSeconds(5)));
        assertEquals(List.of("drain ok"), journal);
    }

    @Test
    void theTimeoutParameterDefaultsTo45Seconds() {
        assertEquals(Duration.ofSeconds(45), new StopAction(system, new MapMailParameters(Path.of(".")), List.of()).timeout());
        assertEquals(Duration.ofMinutes(2),
                new StopAction(system, new MapMailParameters(Path.of(".")).set("tegami_stop_timeout", "2m"), List.of()).timeout());
    }
}
