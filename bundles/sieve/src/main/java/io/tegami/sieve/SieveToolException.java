package io.tegami.sieve;

import io.tegami.api.console.ConsoleException;

/**
 * A {@code sieve-test} or {@code sievec} run that failed, with the complete last line Pigeonhole
 * prints ({@code sievec: Fatal: failed to compile sieve script 'x.sieve'}) and Pigeonhole's exit
 * status: {@code 64} (EX_USAGE) for a wrong command line, {@code 89} (Dovecot's FATAL_DEFAULT)
 * for fatal errors, {@code 1} for a script that failed at run time.
 */
public final class SieveToolException extends ConsoleException {

    private static final long serialVersionUID = 1L;

    /** Dovecot's exit status for {@code i_fatal()}. */
    static final int FATAL = 89;

    /** A fatal failure (status 89). */
    public SieveToolException(String message) {
        this(FATAL, message);
    }

    /** A failure ending with {@code exitCode}. */
    public SieveToolException(int exitCode, String message) {
        super(exitCode, message);
    }
}
