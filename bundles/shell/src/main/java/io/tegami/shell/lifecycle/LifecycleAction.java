package io.tegami.shell.lifecycle;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import io.tegami.shell.CommandFailedException;

/**
 * {@code postfix status}, {@code start}, {@code stop} and {@code abort}: what postfix-script does
 * with the master process, done with this JVM and its framework.
 */
final class LifecycleAction {

    /**
     * How long {@code postfix stop} lets the framework take, after the drain
     * ({@code tegami_stop_timeout}, see {@link GracefulDrain}), before the process is ended anyway: more than the queue manager gives its running deliveries
     * (30 s, then 5 s more after interrupting them).
     */
    static final Duration STOP_BOUND = Duration.ofSeconds(45);

    /** {@code postfix abort}: no waiting for anything but the framework's own stop. */
    static final Duration ABORT_BOUND = Duration.ofSeconds(5);

    private LifecycleAction() {
    }

    static void run(String command, List<String> args, MailSystem system, PrintStream err) {
        run(command, args, system, err, () -> { });
    }

    /** @param drain for {@code stop}: run on the stopping thread before the framework stops */
    static void run(String command, List<String> args, MailSystem system, PrintStream err, Runnable drain) {
        if (!args.isEmpty()) {
            throw new CommandFailedException(1, "postfix: fatal: usage: postfix " + command);
        }
        if (system == null) {
            throw PostfixScript.fatal("the Postfix mail system is not running");
        }
        switch (command) {
            case "status" -> PostfixScript.info(err, "the Postfix mail system is running: PID: " + system.pid());
            case "start" -> throw PostfixScript.fatal("the Postfix mail system is already running");
            case "stop" -> {
                PostfixScript.info(err, "stopping the Postfix mail system");
                system.stop(STOP_BOUND, drain);
            }
            case "abort" -> {
                PostfixScript.info(err, "aborting the Postfix mail system");
                system.stop(ABORT_BOUND);
            }
            default -> throw new IllegalArgumentException(command);
        }
    }
}
