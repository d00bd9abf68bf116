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
 * @param inputIdleTimeout how long a command reading standard input waits for the next bytes
 *        before the input counts as broken (a script stuck before {@code | tegami-ctl sendmail})
 */
public record AdminSocketLimits(Duration idleTimeout, int maxRequestBytes, int threads, int queued,
        Duration inputIdleTimeout) {

    /** The default {@code inputIdleTimeout}: generous, a human may be typing the message. */
    public static final Duration INPUT_IDLE = Duration.ofMinutes(5);

    /** What the running server uses. */
    public static final AdminSocketLimits DEFAULTS =
            new AdminSocketLimits(Duration.ofSeconds(30), AdminProtocol.MAX_REQUEST_BYTES, 4, 8, INPUT_IDLE);

    /** Limits with the default input idle timeout. */
    public AdminSocketLimits(Duration idleTimeout, int maxRequestBytes, int threads, int queued) {
        this(idleTimeout, maxRequestBytes, threads, queued, INPUT_IDLE);
    }
}
