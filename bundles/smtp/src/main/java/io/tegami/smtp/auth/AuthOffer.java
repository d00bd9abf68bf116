package io.tegami.smtp.auth;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tegami.api.sasl.SaslMechanism;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpSettings;

/**
 * What AUTH this session may use now: computed per EHLO and per AUTH command from the registered
 * mechanisms, {@code smtpd_sasl_auth_enable}, {@code smtpd_tls_auth_only}, Dovecot's
 * {@code auth_mechanisms} and {@code disable_plaintext_auth} (under which loopback counts as
 * secure, as in Dovecot), and whether TLS is active.
 */
public final class AuthOffer {

    /** How an AUTH request for one mechanism stands. */
    public enum Verdict {
        /** Offered: go ahead. */
        OFFERED,
        /** Not registered, or not in {@code auth_mechanisms}: 504. */
        UNKNOWN,
        /** Sends the password in clear and the connection is not secure: 538. */
        NEEDS_ENCRYPTION
    }

    private final boolean active;
    private final boolean plaintextAllowed;
    private final List<String> configured;
    private final Map<String, SaslMechanism> registered;

    private AuthOffer(boolean active, boolean plaintextAllowed, List<String> configured, Map<String, SaslMechanism> registered) {
        this.active = active;
        this.plaintextAllowed = plaintextAllowed;
        this.configured = configured;
        this.registered = registered;
    }

    /** The offer for the session as it is now. */
    public static AuthOffer of(SmtpSession session) {
        SmtpSettings settings = session.settings();
        boolean secure = session.connection().isSecure();
        boolean active = settings.saslEnabled() && (secure || !settings.tlsAuthOnly());
        boolean plaintext = secure || !settings.disablePlaintextAuth() || isLoopback(session.connection().remoteAddress());
        return new AuthOffer(active, plaintext, settings.authMechanisms(), session.services().mechanisms());
    }

    /** True when AUTH is enabled here and not held back until TLS ({@code smtpd_tls_auth_only}). */
    public boolean active() {
        return active;
    }

    /** The mechanisms for EHLO's AUTH line, in {@code auth_mechanisms} order; empty for none. */
    public List<String> advertised() {
        List<String> names = new ArrayList<>();
        if (!active) {
            return names;
        }
        for (String name : configured) {
            SaslMechanism mechanism = registered.get(name);
            if (mechanism != null && (plaintextAllowed || !mechanism.isPlaintext()) && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Whether {@code name} (any case) may be used now. */
    public Verdict verdict(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        SaslMechanism mechanism = registered.get(upper);
        if (mechanism == null || !configured.contains(upper)) {
            return Verdict.UNKNOWN;
        }
        return mechanism.isPlaintext() && !plaintextAllowed ? Verdict.NEEDS_ENCRYPTION : Verdict.OFFERED;
    }

    /** The registered mechanism named {@code name} (any case), or {@code null}. */
    public SaslMechanism mechanism(String name) {
        return registered.get(name.toUpperCase(Locale.ROOT));
    }

    private static boolean isLoopback(InetSocketAddress remote) {
        InetAddress ip = remote == null ? null : remote.getAddress();
        return ip != null && ip.isLoopbackAddress();
    }
}
