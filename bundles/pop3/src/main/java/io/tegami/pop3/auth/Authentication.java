package io.tegami.pop3.auth;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import io.tegami.api.sasl.AuthPenalty;
import io.tegami.api.sasl.SaslResult;
import io.tegami.api.user.User;
import io.tegami.pop3.session.Login;
import io.tegami.pop3.session.Pop3Log;
import io.tegami.pop3.session.Pop3Session;

/**
 * How every way of logging in ends (USER/PASS, APOP, AUTH): a success forgives the client's auth
 * penalty and opens the maildrop; a failure is held for the {@link AuthPenalty} delay (a fixed
 * 2 s, Dovecot's {@code auth_failure_delay}, when the service is absent) before Dovecot's
 * {@code -ERR [AUTH] Authentication failed.}, which never says whether the user exists; a
 * temporary failure answers {@code -ERR [SYS/TEMP]} at once. The wait holds no thread
 * ({@code Connection.executeAfter}). A client the penalty service bans fails even with the right
 * password.
 */
public final class Authentication {

    public static final String FAILED = "-ERR [AUTH] Authentication failed.";
    public static final String TEMPORARY = "-ERR [SYS/TEMP] Temporary authentication failure.";
    static final Duration FALLBACK_DELAY = Duration.ofSeconds(2);

    private Authentication() {
    }

    /** The client proved to be {@code user}. */
    public static void succeeded(Pop3Session session, User user, String method) {
        AuthPenalty penalty = session.services().penalty();
        if (banned(penalty, clientIp(session))) {
            // Banned for too many failures: even the right password fails, so guessing teaches nothing.
            failed(session, method, SaslResult.Failure.of("banned after too many failures", user.name()));
            return;
        }
        if (penalty != null) {
            try {
                penalty.success(clientIp(session));
            } catch (RuntimeException e) {
                // The penalty is advice; the login stands.
            }
        }
        Login.complete(session, user, method);
    }

    /** The authentication failed: counted, delayed, answered. */
    public static void failed(Pop3Session session, String method, SaslResult.Failure failure) {
        session.login().failed(method, failure.username());
        if (failure.temporary()) {
            Pop3Log.warn("pop3-login: {} authentication failed temporarily for {}: {}", method,
                    Pop3Log.connectionFields(session.connection(), false), Pop3Log.printable(failure.reason()));
            session.reply(TEMPORARY);
            return;
        }
        Duration delay = delay(session);
        // The -ERR waits without a sleeping thread; the connection holds the client's input meanwhile.
        if (delay == null || delay.isZero() || delay.isNegative()
                || !session.connection().executeAfter(delay, () -> session.reply(FAILED))) {
            session.reply(FAILED);
        }
    }

    private static boolean banned(AuthPenalty penalty, InetAddress client) {
        try {
            return penalty != null && penalty.banned(client);
        } catch (RuntimeException e) {
            return false; // advice only
        }
    }

    private static Duration delay(Pop3Session session) {
        AuthPenalty penalty = session.services().penalty();
        if (penalty == null) {
            return FALLBACK_DELAY;
        }
        try {
            return penalty.failure(clientIp(session));
        } catch (RuntimeException e) {
            return FALLBACK_DELAY;
        }
    }

    static InetAddress clientIp(Pop3Session session) {
        InetSocketAddress remote = session.connection().remoteAddress();
        return remote == null ? null : remote.getAddress();
    }
}
