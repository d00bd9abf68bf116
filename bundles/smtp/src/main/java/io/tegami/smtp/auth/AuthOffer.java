package io.tegami.smtp.auth;

import io.tegami.api.net.Connection;
import io.tegami.api.sasl.SaslOffer;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpSettings;

/**
 * What AUTH this session may use now: computed per EHLO and per AUTH command. Dovecot's rules
 * ({@link SaslOffer}: {@code auth_mechanisms}, and {@code disable_plaintext_auth} under which
 * loopback counts as secure) apply first; then Postfix's own conditions hold everything back
 * while {@code smtpd_sasl_auth_enable = no}, or before STARTTLS under {@code smtpd_tls_auth_only}
 * (which, unlike Dovecot's rule, wants real TLS, not loopback). SMTP's replies stay with the
 * commands: {@code 504} for {@link SaslOffer.Verdict#UNKNOWN}, {@code 538} for
 * {@link SaslOffer.Verdict#NEEDS_SECURITY}.
 */
public final class AuthOffer {

    private AuthOffer() {
    }

    /** The offer for the session as it is now; {@link SaslOffer#allowed()} is false while AUTH is held back. */
    public static SaslOffer of(SmtpSession session) {
        SmtpSettings settings = session.settings();
        Connection connection = session.connection();
        SaslOffer offer = SaslOffer.of(SaslOffer.isSecured(connection), false, settings.disablePlaintextAuth(),
                settings.authMechanisms(), session.services().mechanisms());
        boolean active = settings.saslEnabled() && (connection.isSecure() || !settings.tlsAuthOnly());
        return active ? offer : offer.withheld();
    }
}
