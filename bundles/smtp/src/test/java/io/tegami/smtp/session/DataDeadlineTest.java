package io.tegami.smtp.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** smtpd_min_data_rate: the request's time budget shrinks with time and grows with data, up to smtpd_timeout. */
class DataDeadlineTest {

    private static final long S = 1_000_000_000L;

    @Test
    void aClientKeepingUpWithTheRateNeverRunsOut() {
        DataDeadline d = new DataDeadline(Duration.ofSeconds(10), 500, 0);
        for (int i = 1; i <= 100; i++) {
            assertTrue(d.received(500, i * S), "second " + i); // 500 bytes each second: even
        }
    }

    @Test
    void slowLinesRunOutAfterTheTimeoutAndWhatTheyEarned() {
        DataDeadline d = new DataDeadline(Duration.ofSeconds(10), 500, 0);
        assertTrue(d.received(1000, 4 * S)); // 6 s left, +2 s = 8 s
        assertTrue(d.received(0, 12 * S)); // 0 left
        assertFalse(d.received(10, 12 * S + 1));
    }

    @Test
    void creditNeverExceedsTheTimeout() {
        DataDeadline d = new DataDeadline(Duration.ofSeconds(10), 500, 0);
        assertTrue(d.received(Long.MAX_VALUE / 2, S)); // a huge read fills the budget to 10 s, no more
        assertTrue(d.received(0, 11 * S));
        assertFalse(d.received(0, 11 * S + 1));
    }
}
