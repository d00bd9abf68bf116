package io.tegami.api.net;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Work that {@code postfix stop} lets finish before the framework stops: what Postfix's master
 * does on a graceful stop (no new clients, sessions and deliveries in progress run to their
 * end). Registered as a service by whatever takes on work from outside: each listener of the
 * {@code net} bundle (its sessions) and the queue manager (its deliveries); a plugin with work
 * of its own may register one too.
 *
 * <p>{@link #drain} is one-way: the component takes no new work until it is deactivated, which
 * the framework's stop does right after. The caller (the shell's {@code postfix stop}) drains
 * every registered service at once and waits for all of them, up to its
 * {@code tegami_stop_timeout}; what is still running then is ended as before, by the bundles
 * stopping (sessions get their protocol's goodbye, deliveries are retried after the restart).
 *
 * @since 1.3
 */
@ConsumerType
public interface Drainable {

    /**
     * Stops taking new work now (a listener closes its server sockets at once, the queue starts
     * no new delivery) and tells the work in progress to end at its next safe point (sessions
     * hear {@link ProtocolSession#drainRequested()}). Returns at once, never blocking.
     *
     * @param bound how long the caller waits at most; the stage completes by then even if work
     *        is left (see {@link #inProgress()}), so a caller may simply wait for it
     * @return completes, normally, when nothing is in progress any more or {@code bound} has passed
     */
    CompletionStage<Void> drain(Duration bound);

    /** What is in progress now (open sessions, running deliveries), for logs and status; never blocks. */
    int inProgress();
}
