package io.tegami.imap.auth;

import java.net.InetAddress;
import java.time.Duration;

import io.tegami.api.sasl.AuthPenalty;

/**
 * Holds a failed login's reply for the {@link AuthPenalty} delay (Dovecot's auth penalty), on the
 * session's thread. Without the service every failure still waits Dovecot's
 * {@code auth_failure_delay} default of two seconds.
 */
public final class AuthDelay {

    static final Duration FALLBACK = Duration.ofSeconds(2);

    private AuthDelay() {
    }

    /** Reports the failure and waits. */
    public static void failure(AuthPenalty penalty, InetAddress client) {
        Duration delay = FALLBACK;
        if (penalty != null) {
            try {
                delay = penalty.failure(client);
            } catch (RuntimeException e) {
                delay = FALLBACK;
            }
        }
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
}
