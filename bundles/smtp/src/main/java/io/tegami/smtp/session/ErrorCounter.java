package io.tegami.smtp.session;

import java.time.Duration;

/**
 * Postfix's error and junk command counters: a client that keeps getting errors, or keeps sending
 * commands that cost us work without delivering mail, is cut off at {@code smtpd_hard_error_limit}.
 */
public final class ErrorCounter {

    private long errors;
    private long junk;

    /** One command failed. */
    public void countError() {
        errors++;
    }

    /**
     * One command of the kind that can be repeated for free (HELO, RSET, NOOP, VRFY...); past
     * {@code smtpd_junk_command_limit} each one counts as an error too.
     */
    public void countJunk(long junkLimit) {
        if (junk++ > junkLimit) {
            errors++;
        }
    }

    /** A message was delivered: Postfix forgives earlier errors. */
    public void reset() {
        errors = 0;
        junk = 0;
    }

    /**
     * Postfix's tarpit: once a client has made {@code smtpd_soft_error_limit} (10) errors, every
     * reply waits {@code smtpd_error_sleep_time} (1 s); zero before.
     */
    Duration tarpit(SmtpSettings settings) {
        if (errors == 0 || errors < settings.getLong("smtpd_soft_error_limit", 10)) { // no lookup on the usual path
            return Duration.ZERO;
        }
        return SmtpTimes.duration(settings, "smtpd_error_sleep_time", Duration.ofSeconds(1));
    }

    /** The errors so far. */
    public long errors() {
        return errors;
    }
}
