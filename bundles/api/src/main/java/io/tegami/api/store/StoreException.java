package io.tegami.api.store;

import java.util.Objects;

/** A mail store operation failed; {@link #reason()} says how a protocol should answer. */
public class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an operation failed. */
    public enum Reason {
        /** The mailbox or message does not exist. */
        NOT_FOUND,
        /** It exists already. */
        ALREADY_EXISTS,
        /** The mailbox name is not allowed (traversal, bad characters, too long). */
        INVALID_NAME,
        /** The user is over quota or the disk is full: try later. */
        NO_SPACE,
        /** Any other I/O failure: try later. */
        IO
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
