package io.tegami.smtp.command;

import java.util.Locale;

import io.tegami.api.mail.MailAddress;
import io.tegami.smtp.address.PathArgument;
import io.tegami.smtp.address.PathParser;
import io.tegami.smtp.address.PathSyntaxException;
import io.tegami.smtp.auth.AuthOffer;
import io.tegami.smtp.session.SessionState;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpSettings;

/**
 * {@code MAIL FROM:<path> [SIZE=n] [BODY=7BIT|8BITMIME] [AUTH=mailbox]} (RFC 5321 4.1.1.2,
 * RFC 1870, RFC 6152, RFC 4954 section 5): starts a transaction. Checks and replies follow
 * Postfix's mail_cmd in order; {@code AUTH=} is taken only where SASL is active and, as in
 * Postfix, only logged ({@code sasl_sender=}), never trusted.
 */
public final class MailCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "MAIL";
    }

    @Override
    public Outcome execute(SmtpSession session, String argument) {
        SmtpSettings settings = session.settings();
        SessionState state = session.state();
        if (settings.heloRequired() && state.heloName() == null) {
            return fail(session, "503 5.5.1 Error: send HELO/EHLO first");
        }
        if (state.transaction() != null) {
            return fail(session, "503 5.5.1 Error: nested MAIL command");
        }
        PathArgument parsed;
        try {
            parsed = PathParser.parse(argument, "FROM:");
        } catch (PathSyntaxException e) {
            return fail(session, e.kind() == PathSyntaxException.Kind.COMMAND
                    ? "501 5.5.4 Syntax: MAIL FROM:<address>" : "501 5.1.7 Bad sender address syntax");
        }
        String body = null;
        String authSender = null;
        boolean authSeen = false;
        long size = 0;
        for (String parameter : parsed.parameters()) {
            String upper = parameter.toUpperCase(Locale.ROOT);
            if (upper.equals("BODY=8BITMIME") || upper.equals("BODY=7BIT")) {
                body = upper.substring("BODY=".length());
            } else if (upper.startsWith("SIZE=")) {
                String digits = parameter.substring("SIZE=".length());
                if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return fail(session, "501 5.5.4 Bad message size syntax");
                }
                try {
                    size = Long.parseLong(digits);
                } catch (NumberFormatException e) {
                    return fail(session, "552 5.3.4 Message size exceeds file system imposed limit");
                }
            } else if (upper.startsWith("AUTH=") && AuthOffer.of(session).allowed()) {
                if (authSeen) {
                    return fail(session, "503 5.5.4 Error: multiple AUTH= options");
                }
                authSeen = true;
                String value = parameter.substring("AUTH=".length());
                authSender = value.equals("<>") ? null : value.replaceAll("\\p{Cntrl}", "?");
            } else {
                return fail(session, "555 5.5.4 Unsupported option: " + parameter);
            }
        }
        long limit = settings.messageSizeLimit();
        if (limit > 0 && size > limit) {
            String reply = "552 5.3.4 Message size exceeds fixed limit";
            session.logReject(null, "MAIL", reply, null, null);
            return fail(session, reply);
        }
        MailAddress sender;
        try {
            sender = parsed.path().toAddress(settings.myorigin());
        } catch (IllegalArgumentException e) {
            // Only when $myorigin is empty and the client sent an unqualified address.
            return fail(session, "501 5.1.7 Bad sender address syntax");
        }
        state.beginTransaction(sender, body, authSender, session.clock().instant());
        session.reply("250 2.1.0 Ok");
        return Outcome.SUCCESS;
    }

    private static Outcome fail(SmtpSession session, String reply) {
        session.reply(reply);
        return Outcome.FAILURE;
    }
}
