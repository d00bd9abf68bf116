package io.tegami.smtp.command;

import io.tegami.api.sasl.SaslContext;
import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.SaslOffer;
import io.tegami.api.user.UserDirectory;
import io.tegami.smtp.auth.AuthOffer;
import io.tegami.smtp.auth.SaslDialog;
import io.tegami.smtp.session.ClientRates;
import io.tegami.smtp.session.SessionState;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpdLog;

/**
 * {@code AUTH mechanism [initial-response]} (RFC 4954). The checks come in Postfix's order
 * (smtpd_sasl_auth_cmd); the exchange itself runs in a {@link SaslDialog}, which takes over the
 * input lines while it waits for answers to its challenges.
 */
public final class AuthCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "AUTH";
    }

    /** HELP lists the commands every session has; AUTH exists only where SASL is enabled. */
    @Override
    public boolean listedInHelp() {
        return false;
    }

    @Override
    public Outcome execute(SmtpSession session, String argument) {
        SessionState state = session.state();
        if (session.settings().heloRequired() && state.heloName() == null) {
            return fail(session, "503 5.5.1 Error: send HELO/EHLO first");
        }
        SaslOffer offer = AuthOffer.of(session);
        if (!session.settings().saslEnabled()) {
            return fail(session, "503 5.5.1 Error: authentication not enabled");
        }
        if (state.transaction() != null) {
            return fail(session, "503 5.5.1 Error: MAIL transaction in progress");
        }
        if (!offer.allowed()) {
            // smtpd_tls_auth_only before STARTTLS (RFC 4954 section 4).
            return fail(session, "538 5.7.11 Encryption required for requested authentication mechanism");
        }
        if (state.saslUsername() != null) {
            return fail(session, "503 5.5.1 Error: already authenticated");
        }
        String[] words = argument.isEmpty() ? new String[0] : argument.split("[ \t]+");
        if (words.length < 1 || words.length > 2) {
            return fail(session, "501 5.5.4 Syntax: AUTH mechanism");
        }
        String tooMany = ClientRates.auth(session); // smtpd_client_auth_rate_limit, after the syntax check as in Postfix
        if (tooMany != null) {
            return fail(session, tooMany);
        }
        switch (offer.verdict(words[0])) {
            case UNKNOWN -> {
                return fail(session, "504 5.5.4 Unsupported authentication mechanism");
            }
            case NEEDS_SECURITY -> {
                return fail(session, "538 5.7.11 Encryption required for requested authentication mechanism");
            }
            default -> {
            }
        }
        SaslMechanism mechanism = offer.mechanism(words[0]);
        byte[] initial = null;
        if (words.length == 2) {
            if (!mechanism.isClientFirst()) {
                // RFC 4954 section 4: a server-first mechanism cannot take an initial response.
                return fail(session, "501 5.7.0 Client initiated Authentication Exchange");
            }
            // RFC 4954: "=" is an empty initial response, as opposed to none at all.
            initial = words[1].equals("=") ? new byte[0] : SaslDialog.decode(words[1]);
            if (initial == null) {
                return fail(session, "501 5.5.2 Cannot decode response");
            }
        }
        UserDirectory users = session.services().users();
        if (users == null) {
            SmtpdLog.warn("no user directory service: cannot authenticate {}", session.client().nameAndAddress());
            return fail(session, SaslDialog.TEMPORARY);
        }
        SaslContext context = SaslContext.of("smtp", session.connection().remoteAddress(),
                session.connection().isSecure(), users, session.settings().myhostname());
        SaslExchange exchange;
        try {
            exchange = mechanism.start(context);
        } catch (RuntimeException e) {
            SmtpdLog.warn("SASL {} mechanism failed for {}: {}", mechanism.name(), session.client().nameAndAddress(), e.toString());
            return fail(session, SaslDialog.TEMPORARY);
        }
        SaslDialog dialog = new SaslDialog(session, mechanism.name(), exchange);
        return switch (dialog.start(initial)) {
            case CHALLENGED -> {
                session.beginDialog(dialog);
                yield Outcome.PENDING;
            }
            case SUCCEEDED -> Outcome.SUCCESS;
            case FAILED -> Outcome.FAILURE;
        };
    }

    private static Outcome fail(SmtpSession session, String reply) {
        session.reply(reply);
        return Outcome.FAILURE;
    }
}
