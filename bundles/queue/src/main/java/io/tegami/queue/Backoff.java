package io.tegami.queue;

import java.time.Duration;

/**
 * How long a deferred message waits: {@code minimal_backoff_time}, doubled after each failed
 * pass, never more than {@code maximal_backoff_time}.
 */
final class Backoff {

    private Backoff() {
    }

    /**
     * @param attempts failed passes so far, counting the one just ended (1 or more)
     */
    static Duration delay(int attempts, Duration minimal, Duration maximal) {
        if (maximal.compareTo(minimal) < 0) {
            maximal = minimal; // Postfix, too, never waits less than the minimum
        }
        Duration d = minimal;
        for (int i = 1; i < attempts && d.compareTo(maximal) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maximal) > 0 ? maximal : d;
    }
}
