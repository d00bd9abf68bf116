package io.tegami.shell.user;

import java.util.function.Supplier;

/**
 * Runs code under a thread name that holds no secret.
 *
 * <p>Gogo names the thread of a pipeline after its command line ({@code pipe-useradd alice s3cret}),
 * and log lines carry the thread's name: a directory that logs "added user alice" would write the
 * password into the log. While the password is in play the thread goes by the command's name only.
 */
final class SecretThreadName {

    private SecretThreadName() {
    }

    static <T> T during(String command, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        String name = thread.getName();
        thread.setName("pipe-" + command);
        try {
            return action.get();
        } finally {
            thread.setName(name);
        }
    }
}
