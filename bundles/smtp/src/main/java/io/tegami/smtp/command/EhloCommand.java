package io.tegami.smtp.command;

import java.util.ArrayList;
import java.util.List;

import io.tegami.smtp.auth.AuthOffer;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpSettings;

/**
 * {@code EHLO name}: ESMTP (RFC 5321 4.1.1.1). The keyword list is computed for this session now
 * (size limit, VRFY setting, whether STARTTLS can be offered on this connection, the SASL
 * mechanisms registered and allowed at this moment), in Postfix's order.
 */
public final class EhloCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "EHLO";
    }

    @Override
    public boolean allowedBeforeTls() {
        return true;
    }

    @Override
    public boolean junk() {
        return true;
    }

    @Override
    public Outcome execute(SmtpSession session, String argument) {
        if (argument.isEmpty()) {
            session.reply("501 Syntax: EHLO hostname");
            return Outcome.FAILURE;
        }
        session.state().helo(HeloCommand.sanitize(argument), true);
        session.reply("250", keywords(session));
        return Outcome.SUCCESS;
    }

    /** The reply lines: our name, then one extension keyword per line. */
    static List<String> keywords(SmtpSession session) {
        SmtpSettings settings = session.settings();
        List<String> lines = new ArrayList<>();
        lines.add(settings.myhostname());
        lines.add("PIPELINING");
        long limit = settings.messageSizeLimit();
        lines.add(limit > 0 ? "SIZE " + limit : "SIZE");
        if (!settings.vrfyDisabled()) {
            lines.add("VRFY");
        }
        if (session.tlsAvailable()) {
            lines.add("STARTTLS");
        }
        List<String> mechanisms = AuthOffer.of(session).advertised();
        if (!mechanisms.isEmpty()) {
            String list = String.join(" ", mechanisms);
            lines.add("AUTH " + list);
            if (settings.brokenSaslAuthClients()) {
                lines.add("AUTH=" + list);
            }
        }
        lines.add("ENHANCEDSTATUSCODES");
        lines.add("8BITMIME");
        return lines;
    }
}
