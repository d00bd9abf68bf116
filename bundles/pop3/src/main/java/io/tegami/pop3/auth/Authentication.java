package io.tegami.pop3.auth;

import java.net.InetAddress;

import io.tegami.api.sasl.AuthPenalty;
import io.tegami.api.sasl.PenaltyReplies;
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

    private Authentication() {
    }

    /** The client proved to be {@code user}. */
    public static void succeeded(Pop3Session session, User user, String method) {
        AuthPenalty penalty = session.services().penalty();
        if (PenaltyReplies.banned(penalty, clientIp(session))) {
            // Banned for too many failures: even the right password fails, so guessing teaches nothing.
            failed(session, method, SaslResult.Failure.of("banned after too many failures", user.name()));
            return;
        }
        PenaltyReplies.succeeded(penalty, clientIp(session));
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
        PenaltyReplies.failed(session.services().penalty(), session.connection(), () -> session.reply(FAILED));
    }

    static InetAddress clientIp(Pop3Session session) {
        return PenaltyReplies.clientIp(session.connection());
    }
}
