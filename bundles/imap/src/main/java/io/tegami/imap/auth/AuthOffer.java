package io.tegami.imap.auth;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tegami.api.net.Connection;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.imap.session.ImapSettings;

/**
 * What authentication a connection may use now, with Dovecot's rules: a connection is
 * <em>secured</em> when TLS protects it or it comes from loopback; plaintext mechanisms and
 * LOGIN need a secured connection while {@code disable_plaintext_auth = yes}, and with
 * {@code ssl = required} nothing at all is offered before it is secured. The mechanisms are the
 * registered ones that {@code auth_mechanisms} lists, in its order.
 */
public final class AuthOffer {

    /** How an AUTHENTICATE request for one mechanism stands. */
    public enum Verdict {
        /** Go ahead. */
        OFFERED,
        /** Not registered or not configured: {@code NO Unsupported authentication mechanism.} */
        UNKNOWN,
        /** Not on an unsecured connection: {@code NO [PRIVACYREQUIRED]}. */
        NEEDS_SECURITY
    }

    private final boolean plaintextAllowed;
    private final boolean anyAllowed;
    private final List<String> configured;
    private final Map<String, SaslMechanism> registered;

    private AuthOffer(boolean plaintextAllowed, boolean anyAllowed, List<String> configured,
            Map<String, SaslMechanism> registered) {
        this.plaintextAllowed = plaintextAllowed;
        this.anyAllowed = anyAllowed;
        this.configured = configured;
        this.registered = registered;
    }

    /** The offer for a connection as it is now. */
    public static AuthOffer of(Connection connection, ImapSettings settings, Map<String, SaslMechanism> registered) {
        boolean secured = isSecured(connection);
        boolean required = settings.ssl().equals("required");
        boolean anyAllowed = secured || !required;
        boolean plaintext = anyAllowed && (secured || !settings.disablePlaintextAuth());
        return new AuthOffer(plaintext, anyAllowed, settings.authMechanisms(), registered);
    }

    /** Dovecot's "secured": TLS, or a loopback client. */
    public static boolean isSecured(Connection connection) {
        if (connection.isSecure()) {
            return true;
        }
        InetSocketAddress remote = connection.remoteAddress();
        InetAddress ip = remote == null ? null : remote.getAddress();
        return ip != null && ip.isLoopbackAddress();
    }

    /** True when LOGIN (and plaintext SASL) must be refused: CAPABILITY says LOGINDISABLED. */
    public boolean loginDisabled() {
        return !plaintextAllowed;
    }

    /** The mechanisms for {@code AUTH=} capabilities, in {@code auth_mechanisms} order. */
    public List<String> advertised() {
        List<String> names = new ArrayList<>();
        if (!anyAllowed) {
            return names;
        }
        for (String name : configured) {
            SaslMechanism m = registered.get(name);
            if (m != null && (plaintextAllowed || !m.isPlaintext()) && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Whether {@code name} (any case) may be used now. */
    public Verdict verdict(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        SaslMechanism m = registered.get(upper);
        if (m == null || !configured.contains(upper)) {
            return Verdict.UNKNOWN;
        }
        if (!anyAllowed || (m.isPlaintext() && !plaintextAllowed)) {
            return Verdict.NEEDS_SECURITY;
        }
        return Verdict.OFFERED;
    }

    /** The registered mechanism named {@code name} (any case), or null. */
    public SaslMechanism mechanism(String name) {
        return registered.get(name.toUpperCase(Locale.ROOT));
    }
}
