package io.tegami.pop3.auth;

import java.util.Map;

import io.tegami.api.net.Connection;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.SaslOffer;
import io.tegami.pop3.session.Pop3Settings;

/**
 * What authentication a POP3 connection may use now: Dovecot's rules ({@link SaslOffer}) fed
 * with the connection's {@code ssl}, {@code disable_plaintext_auth} and {@code auth_mechanisms}.
 * USER/PASS follow {@link SaslOffer#plaintextAllowed()}, APOP {@link SaslOffer#allowed()}; what
 * is refused gets {@link #PLAINTEXT_DISABLED}, as in Dovecot's pop3-login.
 */
public final class AuthOffer {

    /** Dovecot's AUTH_PLAINTEXT_DISABLED_MSG, with POP3's {@code [AUTH]} code. */
    public static final String PLAINTEXT_DISABLED =
            "-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.";

    private AuthOffer() {
    }

    /** The offer for a connection as it is now. */
    public static SaslOffer of(Connection connection, Pop3Settings settings, Map<String, SaslMechanism> registered) {
        return SaslOffer.of(SaslOffer.isSecured(connection), settings.ssl().equals("required"),
                settings.disablePlaintextAuth(), settings.authMechanisms(), registered);
    }
}
