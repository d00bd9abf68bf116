package io.tegami.sieve;

/**
 * A {@code sieve-test} or {@code sievec} run that failed, with the complete last line Pigeonhole
 * prints ({@code sievec: Fatal: failed to compile sieve script 'x.sieve'}). The admin socket
 * prints the message of any exception a command throws on standard error, without a stack
 * trace, and ends {@code tegami-ctl} with status 1. This bundle sees only the api bundle, not
 * the shell's {@code CommandFailedException}, so every failure exits 1 (where Pigeonhole's
 * tools use 64 for usage errors and 89 for fatal ones), as the aliases commands do.
 */
public final class SieveToolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure whose message is shown as it is. */
    public SieveToolException(String message) {
        super(message);
    }
}
