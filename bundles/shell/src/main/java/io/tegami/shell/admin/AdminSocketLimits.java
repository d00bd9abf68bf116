package io.tegami.shell.admin;

import java.time.Duration;

import io.tegami.shell.ctl.AdminProtocol;

/**
 * The admin socket's limits.
 *
 * @param idleTimeout how long a client may send nothing before its request is complete
 * @param maxRequestBytes the longest request line accepted
 * @param threads how many commands run at once
 * @param queued how many more connections wait for a thread before new ones are turned away
 */
public record AdminSocketLimits(Duration idleTimeout, int maxRequestBytes, int threads, int queued) {

    /** What the running server uses. */
    public static final AdminSocketLimits DEFAULTS =
            new AdminSocketLimits(Duration.ofSeconds(30), AdminProtocol.MAX_REQUEST_BYTES, 4, 8);
}
