package io.tegami.api.sieve;

/**
 * A failure while a script runs (a limit exceeded, conflicting actions, an unreadable message);
 * the run ends and only the implicit keep applies.
 */
public class SieveRuntimeException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message Pigeonhole's wording of the failure */
    public SieveRuntimeException(String message) {
        super(message);
    }

    /** @param message the failure; @param cause what caused it */
    public SieveRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
