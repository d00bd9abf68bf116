package io.tegami.api.store;

import java.util.Objects;

/**
 * A mail store operation failed; {@link #reason()} says how a protocol should answer. The message
 * is for the log and may be shown to a client (it names no paths outside the user's mail).
 */
public class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an operation failed, with the IMAP response code (RFC 5530) that fits it. */
    public enum Reason {
        /** The mailbox or message does not exist: {@code [NONEXISTENT]}, or {@code [TRYCREATE]} for an APPEND/COPY target. */
        NOT_FOUND,
        /** It exists already: {@code [ALREADYEXISTS]}. */
        ALREADY_EXISTS,
        /** The mailbox name is not allowed (traversal, bad characters, too long): {@code [CANNOT]}. */
        INVALID_NAME,
        /**
         * The operation is not allowed here: deleting or renaming into INBOX, deleting a
         * {@code \Noselect} name with children, renaming a folder below itself, changing a
         * read-only handle: {@code [CANNOT]} (or {@code [READ-ONLY]}-style {@code NO}).
         */
        NOT_ALLOWED,
        /** The user is over quota or the disk is full: {@code [OVERQUOTA]}; try later. */
        NO_SPACE,
        /** Any other failure, usually I/O, or the store is stopping: {@code [UNAVAILABLE]}; try later. */
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
