package io.tegami.smtp.restriction;

import io.tegami.smtp.session.SmtpdLog;

/**
 * Postfix's log_whatsup(): one line per reject, reject_warning, info or warn event, with as much
 * context as the check has:
 * {@code NOQUEUE: reject: RCPT from host[addr]: 554 5.7.1 ...; from=<a> to=<b> proto=ESMTP helo=<h>}.
 */
final class CheckLog {

    private CheckLog() {
    }

    static void whatsup(CheckState state, String whatsup, String text) {
        SmtpdLog.info(format(state, whatsup, text));
    }

    static String format(CheckState state, String whatsup, String text) {
        Facts facts = state.facts();
        StringBuilder sb = new StringBuilder()
                .append(facts.queueId() == null ? "NOQUEUE" : facts.queueId()).append(": ")
                .append(whatsup).append(": ").append(state.where).append(" from ").append(facts.namaddr())
                .append(": ").append(text).append(';');
        if (state.sender != null) {
            sb.append(" from=<").append(state.sender).append('>');
        }
        if (state.recipient != null) {
            sb.append(" to=<").append(state.recipient).append('>');
        }
        if (facts.protocol() != null) {
            sb.append(" proto=").append(facts.protocol());
        }
        if (state.helo != null) {
            sb.append(" helo=<").append(state.helo).append('>');
        }
        return sb.toString();
    }
}
