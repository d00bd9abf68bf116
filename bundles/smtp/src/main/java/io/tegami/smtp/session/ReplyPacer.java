package io.tegami.smtp.session;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import io.tegami.api.net.Connection;

/**
 * Holds replies back without holding a thread: the auth penalty before a 535 and Postfix's
 * error tarpit ({@code smtpd_error_sleep_time} before every reply once a client has made
 * {@code smtpd_soft_error_limit} errors). A delayed step goes to
 * {@link Connection#executeAfter}, which also holds the client's input, so the next command is
 * read only after the reply. Whatever the same callback does after a delayed step (more replies,
 * the close, STARTTLS) queues behind it, so the order on the wire stays that of the calls.
 * Session thread only.
 */
final class ReplyPacer {

    private record Step(Duration delay, Runnable action) {
    }

    private final Connection connection;
    private final Deque<Step> queued = new ArrayDeque<>();
    /** A delayed step is scheduled and has not run. */
    private boolean waiting;

    ReplyPacer(Connection connection) {
        this.connection = connection;
    }

    /** Runs {@code action} after {@code delay} (zero: at once unless earlier steps wait). */
    void then(Duration delay, Runnable action) {
        boolean delayed = delay != null && !delay.isZero() && !delay.isNegative();
        if (!waiting && !delayed) {
            action.run();
            return;
        }
        queued.add(new Step(delayed ? delay : Duration.ZERO, action));
        if (!waiting) {
            next();
        }
    }

    /** True while replies wait for a delay. */
    boolean waiting() {
        return waiting;
    }

    private void next() {
        Step first = queued.peek();
        if (first == null) {
            return;
        }
        waiting = true;
        if (!connection.executeAfter(first.delay(), this::ready)) {
            waiting = false; // closed: nobody would read the replies
            queued.clear();
        }
    }

    /** The first step's delay has passed: run it and the undelayed steps behind it. */
    private void ready() {
        waiting = false;
        queued.poll().action().run();
        while (!queued.isEmpty() && queued.peek().delay().isZero()) {
            queued.poll().action().run();
        }
        next();
    }
}
