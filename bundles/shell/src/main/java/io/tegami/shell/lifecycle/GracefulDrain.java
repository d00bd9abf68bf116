package io.tegami.shell.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.net.Drainable;

/**
 * What makes {@code postfix stop} graceful: before the framework stops, every {@link Drainable}
 * (each listener, the queue manager) stops taking new work, and the sessions and deliveries in
 * progress get up to {@code tegami_stop_timeout} to end on their own. Runs on the stopping thread,
 * after the command has answered; logs under postfix-script's tag.
 */
final class GracefulDrain {

    /** The parameter bounding the wait, with Postfix-style units ({@code 45s}, {@code 2m}). */
    static final String TIMEOUT_PARAMETER = "tegami_stop_timeout";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(45);

    private static final Logger LOG = LoggerFactory.getLogger(PostfixScript.TAG);
    /** Beyond the bound, for stages that should have completed by then and did not. */
    private static final long SLACK_MILLIS = 2000;

    private GracefulDrain() {
    }

    /**
     * Drains every service at once and waits for all of them, at most {@code bound} (plus a little
     * slack for a service that does not keep its own bound). A service that fails is logged and
     * left to the framework's stop.
     *
     * @return the work still in progress when the wait ended (0: everything finished)
     */
    static int run(Collection<Drainable> services, Duration bound) {
        List<Drainable> all = List.copyOf(services);
        int busy = inProgress(all);
        LOG.info("waiting up to {}s ({} = {}) for {} session(s) and deliveries in progress", bound.toSeconds(),
                TIMEOUT_PARAMETER, bound.toSeconds() + "s", busy);
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        for (Drainable d : all) {
            try {
                stages.add(d.drain(bound).toCompletableFuture());
            } catch (RuntimeException e) {
                LOG.warn("warning: cannot drain {}: {}", d, e.toString());
            }
        }
        try {
            CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new))
                    .get(bound.toMillis() + SLACK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Reported below by what is still in progress.
        }
        int left = inProgress(all);
        if (left > 0) {
            LOG.warn("warning: {} session(s) or deliveries still in progress after {} = {}s; stopping anyway",
                    left, TIMEOUT_PARAMETER, bound.toSeconds());
        } else if (busy > 0) {
            LOG.info("sessions and deliveries in progress have ended");
        }
        return left;
    }

    private static int inProgress(List<Drainable> all) {
        int n = 0;
        for (Drainable d : all) {
            try {
                n += d.inProgress();
            } catch (RuntimeException e) {
                // a service on its way out: nothing to count
            }
        }
        return n;
    }
}
