package io.tegami.smtp.session;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.tegami.api.net.Line;
import io.tegami.smtp.data.BareNewline;

/**
 * Command lines before they are run: split into verb and argument, and the checks they must pass
 * first, in Postfix's terms: a bare LF ending with
 * {@code smtpd_forbid_bare_newline = reject}, and, with {@code smtputf8_enable}, bytes that are
 * not UTF-8 ({@code 500 5.5.2 Error: bad UTF-8 syntax}).
 */
final class CommandInput {

    /** A command line split into its verb and the argument after it (both trimmed). */
    record Command(String verb, String argument, String line) {
    }

    private CommandInput() {
    }

    /** Splits a command line; an empty one gets {@code 500 5.5.2 Error: bad syntax} and null. */
    static Command parse(SmtpSession session, String text) {
        String line = text.strip();
        if (line.isEmpty()) {
            session.errors().countError();
            session.reply("500 5.5.2 Error: bad syntax");
            return null;
        }
        int blank = 0;
        while (blank < line.length() && line.charAt(blank) != ' ' && line.charAt(blank) != '\t') {
            blank++;
        }
        return new Command(line.substring(0, blank), line.substring(blank).strip(), line);
    }

    /** {@code smtpd_forbid_bare_newline} for the session's client (its exclusions considered). */
    static BareNewline bareNewline(SmtpSession session) {
        InetSocketAddress remote = session.connection().remoteAddress();
        return session.settings().bareNewline(remote == null ? null : remote.getAddress());
    }

    /**
     * A command ending in a bare LF under {@code reject}: the reply
     * ({@code 550 5.5.2 host Error: bare <LF> received}) and a reject log line, then the
     * connection is closed, as Postfix does.
     *
     * @return true when refused
     */
    static boolean bareLineFeed(SmtpSession session, Line line, String where) {
        if (line.ending() != Line.Ending.LF || bareNewline(session) != BareNewline.REJECT) {
            return false;
        }
        SmtpSettings settings = session.settings();
        session.logReject(null, where, "bare <LF> received", null, null);
        session.reply(settings.bareNewlineRejectCode() + " 5.5.2 " + settings.myhostname() + " Error: bare <LF> received");
        session.hangUp();
        return true;
    }

    /** True (and the 500 sent) when the line is not UTF-8 while SMTPUTF8 is enabled. */
    static boolean badUtf8(SmtpSession session, Line line) {
        if (!session.settings().smtputf8Enabled()) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line.bytes()));
            return false;
        } catch (CharacterCodingException e) {
            session.errors().countError();
            session.reply("500 5.5.2 Error: bad UTF-8 syntax");
            return true;
        }
    }
}
