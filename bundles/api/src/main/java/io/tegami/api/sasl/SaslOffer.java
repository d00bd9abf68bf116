package io.tegami.api.sasl;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.tegami.api.net.Connection;

/**
 * Which SASL mechanisms a connection may use right now, by Dovecot's rules, for any protocol that
 * carries SASL (SMTP AUTH, IMAP AUTHENTICATE, POP3 AUTH, ManageSieve AUTHENTICATE). Protocols
 * compute an offer for every capability list and every authentication command, so that a
 * configuration change or a mechanism bundle that stops shows at once; the replies (SMTP's
 * {@code 538}, IMAP's {@code [PRIVACYREQUIRED]}, POP3's {@code [AUTH]}) stay the protocol's.
 *
 * <p>The rules, as Dovecot's login processes apply them:
 * <ul>
 * <li>A connection is <em>secured</em> when TLS protects it or its client is on loopback
 * ({@link #isSecured(Connection)}).</li>
 * <li>With {@code ssl = required}, nothing is offered and nothing may be used before the
 * connection is secured, not even a mechanism that hides the password.</li>
 * <li>With {@code disable_plaintext_auth = yes} (the default), mechanisms that send the password
 * in clear ({@link SaslMechanism#isPlaintext()}: PLAIN, LOGIN) are neither offered nor usable on
 * an unsecured connection; the protocol's own plaintext login (IMAP LOGIN, POP3 USER/PASS) follows
 * {@link #plaintextAllowed()}.</li>
 * <li>The mechanisms are the registered ones that {@code auth_mechanisms} lists, in its order; a
 * listed name nobody registered is skipped, a registered one not listed is not offered.</li>
 * </ul>
 *
 * <p>A protocol with a further condition of its own (Postfix's {@code smtpd_sasl_auth_enable} and
 * {@code smtpd_tls_auth_only}) applies it with {@link #withheld()}. Instances are immutable.
 *
 * @since 1.1
 */
public final class SaslOffer {

    /** How a request to authenticate with one mechanism stands. */
    public enum Verdict {
        /** Registered, configured and allowed on this connection: go ahead. */
        OFFERED,
        /** Not registered, or not in {@code auth_mechanisms}: the protocol's "unsupported mechanism". */
        UNKNOWN,
        /** Known, but not on this connection until it is secured (TLS, or loopback). */
        NEEDS_SECURITY
    }

    private final boolean allowed;
    private final boolean plaintextAllowed;
    private final List<String> configured;
    private final Map<String, SaslMechanism> registered;

    private SaslOffer(boolean allowed, boolean plaintextAllowed, List<String> configured,
            Map<String, SaslMechanism> registered) {
        this.allowed = allowed;
        this.plaintextAllowed = plaintextAllowed;
        this.configured = configured;
        this.registered = registered;
    }

    /**
     * The offer for a connection.
     *
     * @param secured whether the connection is secured ({@link #isSecured(Connection)})
     * @param sslRequired Dovecot's {@code ssl = required}
     * @param disablePlaintextAuth Dovecot's {@code disable_plaintext_auth}
     * @param authMechanisms Dovecot's {@code auth_mechanisms}, in the admin's order, any case
     * @param registered the registered mechanisms by upper-case name (as
     *        {@link MechanismRegistry#byName()} gives them); not copied, so pass a snapshot
     */
    public static SaslOffer of(boolean secured, boolean sslRequired, boolean disablePlaintextAuth,
            List<String> authMechanisms, Map<String, SaslMechanism> registered) {
        Objects.requireNonNull(registered, "registered");
        boolean allowed = secured || !sslRequired;
        boolean plaintext = allowed && (secured || !disablePlaintextAuth);
        List<String> configured = authMechanisms.stream().map(m -> m.trim().toUpperCase(Locale.ROOT)).toList();
        return new SaslOffer(allowed, plaintext, configured, registered);
    }

    /**
     * Dovecot's "secured": TLS protects the connection, or the client is on loopback (where
     * nobody can listen in).
     */
    public static boolean isSecured(Connection connection) {
        if (connection.isSecure()) {
            return true;
        }
        InetSocketAddress remote = connection.remoteAddress();
        InetAddress ip = remote == null ? null : remote.getAddress();
        return ip != null && ip.isLoopbackAddress();
    }

    /**
     * This offer with nothing allowed: for a protocol's own reason to hold authentication back
     * (SMTP AUTH disabled, or {@code smtpd_tls_auth_only} before STARTTLS). Known mechanisms then
     * get {@link Verdict#NEEDS_SECURITY}.
     */
    public SaslOffer withheld() {
        return new SaslOffer(false, false, configured, registered);
    }

    /** Whether any authentication may be used now; false under {@code ssl = required} in clear. */
    public boolean allowed() {
        return allowed;
    }

    /**
     * Whether the password may travel in clear now: plaintext mechanisms, IMAP LOGIN (else
     * CAPABILITY says {@code LOGINDISABLED}), POP3 USER/PASS (else CAPA leaves out {@code USER}).
     */
    public boolean plaintextAllowed() {
        return plaintextAllowed;
    }

    /**
     * The mechanisms to advertise (EHLO's {@code AUTH}, IMAP's {@code AUTH=}, CAPA's {@code SASL}),
     * upper case, in {@code auth_mechanisms} order, each once; empty when nothing is allowed.
     */
    public List<String> advertised() {
        List<String> names = new ArrayList<>();
        if (!allowed) {
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

    /** Whether the mechanism {@code name} (any case) may be used now. */
    public Verdict verdict(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        SaslMechanism m = registered.get(upper);
        if (m == null || !configured.contains(upper)) {
            return Verdict.UNKNOWN;
        }
        if (!allowed || (m.isPlaintext() && !plaintextAllowed)) {
            return Verdict.NEEDS_SECURITY;
        }
        return Verdict.OFFERED;
    }

    /** The registered mechanism named {@code name} (any case), or {@code null}. */
    public SaslMechanism mechanism(String name) {
        return registered.get(name.toUpperCase(Locale.ROOT));
    }
}
