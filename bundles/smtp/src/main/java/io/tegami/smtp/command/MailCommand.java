package io.tegami.smtp.command;

import io.tegami.api.mail.MailAddress;
import io.tegami.smtp.address.PathArgument;
import io.tegami.smtp.address.PathParser;
import io.tegami.smtp.address.PathSyntaxException;
import io.tegami.smtp.restriction.RewriteGate;
import io.tegami.smtp.session.ClientRates;
import io.tegami.smtp.session.SessionState;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpSettings;
import io.tegami.smtp.session.Transaction;

/**
 * {@code MAIL FROM:<path> [SIZE=n] [BODY=7BIT|8BITMIME] [AUTH=mailbox] [RET=FULL|HDRS]
 * [ENVID=xtext] [SMTPUTF8]} (RFC 5321 4.1.1.2, RFC 1870, RFC 6152, RFC 4954 section 5, RFC 3461,
 * RFC 6531): starts a transaction. Checks and replies follow Postfix's mail_cmd in order
 * ({@link MailOptions} for the parameters); {@code AUTH=} is taken only where SASL is active and,
 * as in Postfix, only logged ({@code sasl_sender=}), never trusted. The transaction also learns
 * its header rewriting context here ({@link RewriteGate}).
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
        if (state.bdat() != SessionState.Bdat.NONE) {
            return fail(session, "503 5.5.1 Error: MAIL after BDAT");
        }
        String tooMuch = ClientRates.message(session); // smtpd_client_message_rate_limit, where Postfix checks it
        if (tooMuch != null) {
            return fail(session, tooMuch);
        }
        PathArgument parsed;
        try {
            parsed = PathParser.parse(argument, "FROM:");
        } catch (PathSyntaxException e) {
            return fail(session, e.kind() == PathSyntaxException.Kind.COMMAND
                    ? "501 5.5.4 Syntax: MAIL FROM:<address>" : "501 5.1.7 Bad sender address syntax");
        }
        MailOptions options = MailOptions.parse(session, parsed.parameters());
        if (options.error != null) {
            return fail(session, options.error);
        }
        String utf8 = MailOptions.undeclaredUtf8(settings, parsed.path().toString(), options.smtputf8);
        if (utf8 != null) {
            return fail(session, utf8);
        }
        long size = options.size;
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
        if (io.tegami.smtp.restriction.Gates.mail(session, parsed.path().toString(), sender)) { return Outcome.FAILURE; }
        // After the sender checks, as Postfix's mail_cmd() calls smtpd_check_rewrite().
        RewriteGate.Decision rewrite = RewriteGate.decide(session);
        if (rewrite.reply() != null) {
            return fail(session, rewrite.reply());
        }
        Transaction transaction = state.beginTransaction(sender, options.body, options.authSender, session.clock().instant());
        transaction.extensions(options.ret, options.envid, options.smtputf8);
        transaction.rewriteContext(rewrite.context());
        session.reply("250 2.1.0 Ok");
        return Outcome.SUCCESS;
    }

    private static Outcome fail(SmtpSession session, String reply) {
        session.reply(reply);
        return Outcome.FAILURE;
    }
}
