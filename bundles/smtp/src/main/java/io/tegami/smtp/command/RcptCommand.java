package io.tegami.smtp.command;

import io.tegami.api.mail.MailAddress;
import io.tegami.smtp.address.PathArgument;
import io.tegami.smtp.address.PathParser;
import io.tegami.smtp.address.PathSyntaxException;
import io.tegami.smtp.address.SmtpPath;
import io.tegami.smtp.session.ClientRates;
import io.tegami.smtp.session.SessionState;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpSettings;
import io.tegami.smtp.session.Transaction;

/**
 * {@code RCPT TO:<path> [NOTIFY=...] [ORCPT=...]} (RFC 5321 4.1.1.3, RFC 3461): adds a recipient
 * we deliver for, with its DSN parameters ({@link RcptOptions}). Checks and replies follow
 * Postfix's rcpt_cmd in order.
 */
public final class RcptCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "RCPT";
    }

    @Override
    public Outcome execute(SmtpSession session, String argument) {
        Transaction transaction = session.state().transaction();
        if (transaction == null) {
            return fail(session, "503 5.5.1 Error: need MAIL command");
        }
        if (session.state().bdat() != SessionState.Bdat.NONE) {
            return fail(session, "503 5.5.1 Error: RCPT after BDAT");
        }
        String tooMany = ClientRates.recipient(session); // smtpd_client_recipient_rate_limit, where Postfix checks it
        if (tooMany != null) {
            return fail(session, tooMany);
        }
        if (session.state().pregreetFailed()) {
            return fail(session, "550 5.5.1 Protocol error"); // postscreen_greet_action = enforce
        }
        PathArgument parsed;
        try {
            parsed = PathParser.parse(argument, "TO:");
        } catch (PathSyntaxException e) {
            return fail(session, e.kind() == PathSyntaxException.Kind.COMMAND
                    ? "501 5.5.4 Syntax: RCPT TO:<address>" : "501 5.1.3 Bad recipient address syntax");
        }
        SmtpPath path = parsed.path();
        if (path.isNull()) {
            return fail(session, "501 5.1.3 Bad recipient address syntax");
        }
        RcptOptions options = RcptOptions.parse(session, parsed.parameters(), path.toString());
        if (options.error != null) {
            return fail(session, options.error);
        }
        SmtpSettings settings = session.settings();
        String utf8 = MailOptions.undeclaredUtf8(settings, path.toString(), transaction.smtputf8());
        if (utf8 != null) {
            return fail(session, utf8);
        }
        long limit = settings.recipientLimit();
        if (limit > 0 && transaction.acceptedCount() >= limit) {
            session.reply("452 4.5.3 Error: too many recipients");
            // RFC 5321 4.5.3.1.10: a 452 here is normal flow control, not an error, for a while.
            return transaction.overshoot() <= settings.recipientOvershootLimit() ? Outcome.SUCCESS : Outcome.FAILURE;
        }
        MailAddress recipient;
        try {
            recipient = path.toAddress(settings.myorigin());
        } catch (IllegalArgumentException e) {
            return fail(session, "501 5.1.3 Bad recipient address syntax");
        }
        String reject = RecipientCheck.check(session, recipient, path.toString());
        if (reject != null) {
            session.logReject(null, "RCPT", reject, transaction.sender().toString(), path.toString());
            return fail(session, reject);
        }
        transaction.addRecipient(recipient, options.dsn);
        session.reply("250 2.1.5 Ok");
        return Outcome.SUCCESS;
    }

    private static Outcome fail(SmtpSession session, String reply) {
        session.reply(reply);
        return Outcome.FAILURE;
    }
}
