package io.tegami.shell;

/**
 * A console command failed for a reason the admin can act on. The message is complete and meant
 * to be shown as it is ({@code useradd: user 'alice' already exists}); the admin socket prints it
 * and exits 1, without a stack trace.
 */
public class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandFailedException(String message) {
        super(message);
    }

    public CommandFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
