package io.tegami.smtp.session;

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

    /** The errors so far. */
    public long errors() {
        return errors;
    }
}
