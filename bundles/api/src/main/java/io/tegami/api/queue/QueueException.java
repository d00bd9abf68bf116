package io.tegami.api.queue;

/** The queue could not do what was asked (spool unwritable, disk full, corrupt queue file). */
public class QueueException extends Exception {

    private static final long serialVersionUID = 1L;

    public QueueException(String message) {
        super(message);
    }

    public QueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
