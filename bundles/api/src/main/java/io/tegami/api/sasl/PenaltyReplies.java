package io.tegami.api.sasl;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import io.tegami.api.net.Connection;

/**
 * How a protocol applies the shared {@link AuthPenalty} (Dovecot's auth penalty): a failure's
 * reply is written after the penalty delay by a {@link Connection#executeAfter} task, so no thread
 * sleeps and the client's next commands wait behind it; a banned client fails even with the right
 * password; a success forgives the address. The penalty is advice: when the service is missing
 * every failure still waits {@link #FALLBACK_DELAY}, and a failing service never breaks a login.
 *
 * @since 1.3
 */
public final class PenaltyReplies {

    /** Dovecot's {@code auth_failure_delay} default, used without a penalty service. */
    public static final Duration FALLBACK_DELAY = Duration.ofSeconds(2);

    private PenaltyReplies() {
    }

    /**
     * Reports a failure of the connection's client and has {@code reply} (the protocol's failure
     * answer) run after the penalty delay on the session thread; at once when there is no delay
     * or the connection refuses the task. The caller must not answer the command itself.
     */
    public static void failed(AuthPenalty penalty, Connection connection, Runnable reply) {
        Duration delay = delay(penalty, clientIp(connection));
        if (delay.isZero() || delay.isNegative() || !connection.executeAfter(delay, reply)) {
            reply.run();
        }
    }

    /** True when the penalty service bans {@code client} ({@code tegami_auth_failure_ban_limit}). */
    public static boolean banned(AuthPenalty penalty, InetAddress client) {
        try {
            return penalty != null && penalty.banned(client);
        } catch (RuntimeException e) {
            return false; // advice only
        }
    }

    /** Reports a success: the address's penalty is forgiven. */
    public static void succeeded(AuthPenalty penalty, InetAddress client) {
        if (penalty != null) {
            try {
                penalty.success(client);
            } catch (RuntimeException e) {
                // Advice only; the login stands.
            }
        }
    }

    /** The connection's client address, or {@code null} when unknown. */
    public static InetAddress clientIp(Connection connection) {
        InetSocketAddress remote = connection.remoteAddress();
        return remote == null ? null : remote.getAddress();
    }

    private static Duration delay(AuthPenalty penalty, InetAddress client) {
        if (penalty == null) {
            return FALLBACK_DELAY;
        }
        try {
            Duration d = penalty.failure(client);
            return d == null ? Duration.ZERO : d;
        } catch (RuntimeException e) {
            return FALLBACK_DELAY;
        }
    }
}
