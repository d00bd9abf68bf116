package io.tegami.smtp.session;

import java.time.Duration;

/**
 * Postfix's {@code smtpd_min_data_rate} (500 bytes/s), which applies when
 * {@code smtpd_per_request_deadline = yes}: a DATA or BDAT request gets {@code smtpd_timeout}
 * (300 s) to start with; the time between reads is taken from it and each read of N message bytes
 * adds N / rate seconds back, never above {@code smtpd_timeout}. A client that sends its message
 * slower than the rate runs out and gets the timeout, however regularly it completes its lines;
 * one that keeps up never does. The listener's {@code record_deadline} covers the single
 * slow line; this covers the slow message.
 */
final class DataDeadline {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);
    static final long DEFAULT_RATE = 500;

    private final long capNanos;
    private final long nanosPerByte;
    private long budget;
    private long last;

    DataDeadline(Duration timeout, long bytesPerSecond, long nowNanos) {
        this.capNanos = timeout.toNanos();
        this.nanosPerByte = 1_000_000_000L / Math.max(1, bytesPerSecond);
        this.budget = capNanos;
        this.last = nowNanos;
    }

    /** The deadline for a DATA or BDAT request starting now, or null when the deadline is off. */
    static DataDeadline start(SmtpSettings settings) {
        if (!settings.getBoolean("smtpd_per_request_deadline", false)) {
            return null;
        }
        long rate = settings.getLong("smtpd_min_data_rate", DEFAULT_RATE);
        return rate <= 0 ? null : new DataDeadline(SmtpTimes.duration(settings, "smtpd_timeout", DEFAULT_TIMEOUT),
                rate, System.nanoTime());
    }

    /** Counts {@code bytes} received at {@code nowNanos}; false once the request has run out of time. */
    boolean received(long bytes, long nowNanos) {
        budget -= nowNanos - last;
        last = nowNanos;
        if (budget < 0) {
            return false;
        }
        long credit = bytes > capNanos / nanosPerByte ? capNanos : bytes * nanosPerByte;
        budget = Math.min(capNanos, budget + credit);
        return true;
    }
}
