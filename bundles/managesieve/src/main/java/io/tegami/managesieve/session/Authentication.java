package io.tegami.managesieve.session;

import java.net.InetAddress;
import java.util.Optional;

import io.tegami.api.net.LoginRegistry;
import io.tegami.api.sasl.AuthPenalty;
import io.tegami.api.sasl.PenaltyReplies;
import io.tegami.api.sasl.SaslResult;
import io.tegami.api.sieve.SieveScriptLocation;
import io.tegami.api.user.User;
import io.tegami.managesieve.script.ScriptStore;

/**
 * How an AUTHENTICATE ends: a success forgives the client's auth penalty, counts the login against
 * {@code mail_max_userip_connections}, finds the user's script storage and answers
 * {@code OK "Logged in."}; a failure is held for the {@link AuthPenalty} delay (2 s without it)
 * before {@code NO "Authentication failed."}, which never says whether the user exists; a
 * temporary failure answers {@code NO (TRYLATER)} at once. The wait holds no thread
 * ({@code Connection.executeAfter}). A client the penalty service bans fails even with the right
 * password.
 */
public final class Authentication {

    /** Dovecot's MAIL_ERRSTR_CRITICAL_MSG. */
    static final String INTERNAL_ERROR = "Internal error occurred. Refer to server log for more information.";

    private Authentication() {
    }

    /** The client proved to be {@code user}. */
    public static void succeeded(SieveSession session, User user, String method) {
        AuthPenalty penalty = session.services().penalty();
        if (PenaltyReplies.banned(penalty, clientIp(session))) {
            // Banned for too many failures: even the right password fails, so guessing teaches nothing.
            failed(session, method, SaslResult.Failure.of("banned after too many failures", user.name()));
            return;
        }
        PenaltyReplies.succeeded(penalty, clientIp(session));
        if (user.home() == null) {
            SieveLog.userWarn(user.name(), "Error: user has no home directory for Sieve scripts");
            session.reply(Responses.response("NO", "TRYLATER", INTERNAL_ERROR));
            return;
        }
        ScriptStore store;
        try {
            store = new ScriptStore(SieveScriptLocation.of(session.settings().location(), user.home()), user.home(),
                    session.settings());
        } catch (IllegalArgumentException e) {
            SieveLog.userWarn(user.name(), "Error: sieve location: " + e.getMessage());
            session.reply(Responses.response("NO", "TRYLATER", INTERNAL_ERROR));
            return;
        }
        int max = session.settings().maxUserIpConnections();
        LoginRegistry registry = session.services().logins();
        Optional<LoginRegistry.Login> slot = registry == null ? Optional.empty()
                : registry.register(user.name(), session.connection(), max);
        if (registry != null && slot.isEmpty()) {
            String reason = "Maximum number of connections from user+IP exceeded (mail_max_userip_connections="
                    + max + ")";
            session.authFailed(user.name());
            session.bye(null, reason, "Disconnected: " + reason);
            return;
        }
        SieveLog.login(SieveLog.formatLogin(user.name(), method, session.connection()));
        session.loggedIn(user.name(), store, slot.orElse(null));
        session.reply(Responses.response("OK", null, "Logged in."));
    }

    /** The authentication failed: counted, delayed, answered. */
    public static void failed(SieveSession session, String method, SaslResult.Failure failure) {
        session.authFailed(failure.username());
        if (failure.temporary()) {
            SieveLog.warn("managesieve-login: {} authentication failed temporarily for {}: {}", method,
                    SieveLog.connectionFields(session.connection(), false), SieveLog.printable(failure.reason()));
            session.reply(Responses.response("NO", "TRYLATER", "Temporary authentication failure."));
            return;
        }
        String no = Responses.response("NO", null, "Authentication failed.");
        PenaltyReplies.failed(session.services().penalty(), session.connection(), () -> session.reply(no));
    }

    static InetAddress clientIp(SieveSession session) {
        return PenaltyReplies.clientIp(session.connection());
    }
}
