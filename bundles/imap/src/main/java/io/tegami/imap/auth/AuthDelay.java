package io.tegami.imap.auth;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import io.tegami.api.net.Connection;
import io.tegami.api.sasl.AuthPenalty;

/**
 * Holds a failed login's reply for the {@link AuthPenalty} delay (Dovecot's auth penalty).
 * Without the service every failure still waits Dovecot's {@code auth_failure_delay} default of
 * two seconds. {@link #failure(AuthPenalty, Connection, Runnable)} waits without a thread: the
 * reply is written by a {@link Connection#executeAfter} task, and the connection holds the
 * client's input until then.
 */
public final class AuthDelay {

    static final Duration FALLBACK = Duration.ofSeconds(2);

    private AuthDelay() {
    }

    /**
     * Reports the failure and has {@code reply} (the tagged {@code NO}) written after the penalty
     * delay, on the session thread, with no thread waiting meanwhile; at once when there is no
     * delay. The caller must not answer the command itself (IMAP's "pending" result).
     */
    public static void failure(AuthPenalty penalty, Connection connection, Runnable reply) {
        Duration delay = delay(penalty, ip(connection));
        if (delay.isZero() || delay.isNegative() || !connection.executeAfter(delay, reply)) {
            reply.run();
        }
    }

    /**
     * True when the shared penalty bans the client ({@code tegami_auth_failure_ban_limit}): the
     * login fails, after the penalty delay, without the password being checked.
     */
    public static boolean banned(AuthPenalty penalty, InetAddress client) {
        try {
            return penalty != null && penalty.banned(client);
        } catch (RuntimeException e) {
            return false; // the ban is a courtesy; a failing service must not break logins
        }
    }

    /** Reports a success: the address's penalty is forgiven. */
    public static void success(AuthPenalty penalty, InetAddress client) {
        if (penalty != null) {
            try {
                penalty.success(client);
            } catch (RuntimeException e) {
                // The penalty is a courtesy; a failing service must not break logins.
            }
        }
    }

    private static Duration delay(AuthPenalty penalty, InetAddress client) {
        if (penalty == null) {
            return FALLBACK;
        }
        try {
            Duration d = penalty.failure(client);
            return d == null ? Duration.ZERO : d;
        } catch (RuntimeException e) {
            return FALLBACK;
        }
    }

    private static InetAddress ip(Connection connection) {
        InetSocketAddress remote = connection.remoteAddress();
        return remote == null ? null : remote.getAddress();
    }
}
