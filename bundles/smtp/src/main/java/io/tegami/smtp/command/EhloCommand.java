package io.tegami.smtp.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.tegami.smtp.auth.AuthOffer;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpSettings;
import io.tegami.smtp.session.SmtpdLog;

/**
 * {@code EHLO name}: ESMTP (RFC 5321 4.1.1.1). The keyword list is computed for this session now
 * (size limit, VRFY setting, whether STARTTLS can be offered on this connection, the SASL
 * mechanisms registered and allowed at this moment), in Postfix's order, with DSN (RFC 3461),
 * SMTPUTF8 (RFC 6531, with {@code smtputf8_enable}) and CHUNKING (RFC 3030) last.
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
        if (io.tegami.smtp.restriction.Gates.helo(session, "EHLO", HeloCommand.sanitize(argument))) { return Outcome.FAILURE; }
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
        lines.add("DSN");
        if (settings.smtputf8Enabled()) {
            lines.add("SMTPUTF8");
        }
        lines.add("CHUNKING");
        return discard(lines, settings);
    }

    /**
     * Postfix's {@code smtpd_discard_ehlo_keywords}: keywords named there (by their first word,
     * without case) are left out, and the rest of the server acts as if it had not offered them;
     * the {@code silent-discard} pseudo keyword keeps the log line out.
     */
    private static List<String> discard(List<String> lines, SmtpSettings settings) {
        List<String> discarded = settings.discardedEhloKeywords();
        if (discarded.isEmpty()) {
            return lines;
        }
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        List<String> dropped = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String keyword = line.split("[ =]", 2)[0].toUpperCase(Locale.ROOT);
            (discarded.contains(keyword) ? dropped : kept).add(line);
        }
        if (!dropped.isEmpty() && !discarded.contains("SILENT-DISCARD") && !discarded.contains("SILENT_DISCARD")) {
            SmtpdLog.info("discarding EHLO keywords: {}", String.join(" ",
                    dropped.stream().map(l -> l.split("[ =]", 2)[0]).distinct().toList()));
        }
        return kept;
    }
}
