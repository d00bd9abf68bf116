package io.tegami.imap.auth;

import java.util.Map;

import io.tegami.api.net.Connection;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.SaslOffer;
import io.tegami.imap.session.ImapSettings;

/**
 * What authentication an IMAP connection may use now: Dovecot's rules ({@link SaslOffer}) fed
 * with the connection's {@code ssl}, {@code disable_plaintext_auth} and {@code auth_mechanisms}.
 * IMAP's words for the answers stay with the commands: {@code LOGINDISABLED} in CAPABILITY when
 * {@link SaslOffer#plaintextAllowed()} is false, {@code NO [PRIVACYREQUIRED]} for
 * {@link SaslOffer.Verdict#NEEDS_SECURITY}, {@code NO Unsupported authentication mechanism.} for
 * {@link SaslOffer.Verdict#UNKNOWN}.
 */
public final class AuthOffer {

    private AuthOffer() {
    }

    /** The offer for a connection as it is now. */
    public static SaslOffer of(Connection connection, ImapSettings settings, Map<String, SaslMechanism> registered) {
        return SaslOffer.of(SaslOffer.isSecured(connection), settings.ssl().equals("required"),
                settings.disablePlaintextAuth(), settings.authMechanisms(), registered);
    }
}
