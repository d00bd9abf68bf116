package io.tegami.api.console;

/**
 * A console command failed for a reason the admin can act on. The message is complete and shown
 * as it is, without a stack trace ({@code sievec: Fatal: failed to compile sieve script 'x'});
 * {@code bin/tegami-ctl} exits with {@link #exitCode()}, so scripts can tell failures apart as
 * they do with Postfix's and Dovecot's own tools (sysexits {@code 64} for usage, Dovecot's
 * {@code 89} for fatal errors, 1 otherwise).
 */
public class ConsoleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** sysexits EX_USAGE: the command was called wrongly. */
    public static final int EX_USAGE = 64;

    private final int exitCode;

    public ConsoleException(String message) {
        this(1, message);
    }

    public ConsoleException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ConsoleException(String message, Throwable cause) {
        super(message, cause);
        this.exitCode = 1;
    }

    /** The status {@code bin/tegami-ctl} exits with; never 0. */
    public int exitCode() {
        return exitCode == 0 ? 1 : exitCode;
    }
}
