package io.tegami.smtp.command;

import io.tegami.api.mail.MailAddress;
import io.tegami.smtp.address.PathParser;
import io.tegami.smtp.address.PathSyntaxException;
import io.tegami.smtp.address.SmtpPath;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpSettings;

/**
 * {@code VRFY address} (RFC 5321 4.1.1.6): runs the same recipient check as RCPT and, like Postfix,
 * answers 252 with the client's own words rather than confirming a mailbox outright.
 */
public final class VrfyCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "VRFY";
    }

    @Override
    public boolean junk() {
        return true;
    }

    @Override
    public Outcome execute(SmtpSession session, String argument) {
        SmtpSettings settings = session.settings();
        if (settings.vrfyDisabled()) {
            return fail(session, "502 5.5.1 VRFY command is disabled");
        }
        if (argument.isEmpty()) {
            return fail(session, "501 5.5.4 Syntax: VRFY address");
        }
        String text = argument.startsWith("<") && argument.endsWith(">") && argument.length() >= 2
                ? argument.substring(1, argument.length() - 1) : argument;
        SmtpPath path;
        MailAddress address;
        try {
            path = PathParser.parseAddress(text);
            if (path.isNull()) {
                return fail(session, "501 5.1.3 Bad recipient address syntax");
            }
            address = path.toAddress(settings.myorigin());
        } catch (PathSyntaxException | IllegalArgumentException e) {
            return fail(session, "501 5.1.3 Bad recipient address syntax");
        }
        String reject = RecipientCheck.check(session, address, path.toString());
        if (reject != null) {
            session.logReject(null, "VRFY", reject, null, path.toString());
            return fail(session, reject);
        }
        session.reply("252 2.0.0 " + argument);
        return Outcome.SUCCESS;
    }

    private static Outcome fail(SmtpSession session, String reply) {
        session.reply(reply);
        return Outcome.FAILURE;
    }
}
