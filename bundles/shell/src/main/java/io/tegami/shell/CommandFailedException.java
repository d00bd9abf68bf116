package io.tegami.shell;

import io.tegami.api.console.ConsoleException;

/**
 * A console command failed for a reason the admin can act on. The message is complete and meant
 * to be shown as it is ({@code useradd: user 'alice' already exists}); the admin socket prints it
 * and exits with {@link #exitCode()} (1 unless the command follows a tool with its own codes, as
 * doveadm does), without a stack trace.
 */
public class CommandFailedException extends ConsoleException {

    private static final long serialVersionUID = 1L;

    public CommandFailedException(String message) {
        super(message);
    }

    /** A failure that ends the command with {@code exitCode} (sysexits codes, as doveadm uses). */
    public CommandFailedException(int exitCode, String message) {
        super(exitCode, message);
    }

    public CommandFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
