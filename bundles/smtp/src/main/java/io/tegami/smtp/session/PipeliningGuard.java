package io.tegami.smtp.session;

import java.util.Locale;
import java.util.Set;

/**
 * RFC 2920 pipelining rules, as Postfix enforces them with {@code smtpd_forbid_unauth_pipelining}
 * (on by default since Postfix 3.9): a client may send commands ahead of our replies only after
 * EHLO (and while PIPELINING is announced), and never behind HELO, EHLO, DATA, NOOP or VRFY,
 * which must end a group. A known command with more input already waiting behind it, where that
 * is not allowed, is logged as {@code improper command pipelining after VERB from client: input}
 * and, when forbidden, answered with {@code 554 5.5.0 Error: SMTP protocol synchronization} and
 * the connection closed, without running the command. Unknown commands are not checked, as in
 * Postfix. A client that sends before our greeting is not detected: the net layer reads nothing
 * before it.
 */
final class PipeliningGuard {

    /** Commands after which the client must wait for our reply (Postfix's SMTPD_CMD_FLAG_LAST). */
    private static final Set<String> LAST_IN_GROUP = Set.of("HELO", "EHLO", "DATA", "NOOP", "VRFY");
    private static final int SHOWN = 100;

    private PipeliningGuard() {
    }

    /**
     * @param verb the command's verb as sent
     * @param known whether it is a command we implement
     * @return true when the session must stop here (554 sent, hanging up)
     */
    static boolean violated(SmtpSession session, String verb, boolean known) {
        if (!known) {
            return false;
        }
        String upper = verb.toUpperCase(Locale.ROOT);
        boolean mayPipeline = session.state().esmtp() && !session.settings().ehloDiscards("PIPELINING");
        if (mayPipeline && !LAST_IN_GROUP.contains(upper)) {
            return false;
        }
        byte[] ahead = session.connection().pendingInput(SHOWN);
        if (ahead.length == 0) {
            return false;
        }
        SmtpdLog.info("improper command pipelining after {} from {}: {}", upper,
                session.client().nameAndAddress(), escape(ahead));
        session.state().improperPipelining(true);
        if (!session.settings().forbidUnauthPipelining()) {
            return false;
        }
        session.errors().countError();
        session.reply("554 5.5.0 Error: SMTP protocol synchronization");
        session.hangUp();
        return true;
    }

    /** The waiting input as Postfix logs it: {@code \r}, {@code \n}, {@code \t}, other controls as {@code ?}. */
    static String escape(byte[] input) {
        StringBuilder sb = new StringBuilder(input.length + 16);
        for (byte b : input) {
            int c = b & 0xff;
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                default -> sb.append(c < 0x20 || c >= 0x7f ? '?' : (char) c);
            }
        }
        return sb.toString();
    }
}
