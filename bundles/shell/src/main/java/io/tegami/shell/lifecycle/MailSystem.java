package io.tegami.shell.lifecycle;

import java.time.Duration;

/** The running mail system as {@code postfix status/stop/abort} see it: this JVM and its framework. */
interface MailSystem {

    /** The process id, as Postfix's {@code pid/master.pid} holds the master's. */
    long pid();

    /**
     * Stops the framework after the current command has answered: bundles stop in reverse start
     * order, so listeners close (sessions get their protocol's goodbye) and the queue manager
     * finishes or abandons its deliveries, which are retried after a restart.
     *
     * @param bound how long the framework may take before the process is ended anyway; null to wait forever
     */
    void stop(Duration bound);

    /**
     * Like {@link #stop(Duration)}, running {@code first} on the stopping thread before the
     * framework stops (postfix stop's drain), so that the command answers at once.
     */
    void stop(Duration bound, Runnable first);
}
