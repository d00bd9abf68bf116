package io.tegami.queue;

import java.io.IOException;

/** A queue file that does not follow the format; it is moved to {@code corrupt/}, never guessed at. */
final class CorruptQueueFileException extends IOException {

    private static final long serialVersionUID = 1L;

    CorruptQueueFileException(String message) {
        super(message);
    }

    CorruptQueueFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
