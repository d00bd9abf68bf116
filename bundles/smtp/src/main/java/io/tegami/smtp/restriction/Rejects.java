package io.tegami.smtp.restriction;

import io.tegami.smtp.session.SmtpdLog;

/**
 * Postfix's smtpd_check_reject() and defer_if(): formats a rejection as
 * {@code code d.s.n text}, validates it, softens it under {@code warn_if_reject}, turns it into an
 * earlier deferral when {@code defer_if_reject} was raised, applies {@code soft_bounce}, makes the
 * DSN class agree with the reply code. Warnings are logged here; the rejection itself is logged
 * where the reply is sent, as Postfix's log line shows the command's context.
 */
final class Rejects {

    private Rejects() {
    }

    static Status reject(CheckState state, ErrorClass cls, int code, String dsn, String text) {
        boolean warn = state.warnIfReject != 0 && !cls.hard();
        String reply = code + " " + dsn + " " + text;
        if (code < 400 || code > 599) {
            SmtpdLog.warn("SMTP reply code configuration error: {}", reply);
            reply = "450 4.7.1 Service unavailable";
        } else if (!Dsn.valid(reply.substring(4))) {
            SmtpdLog.warn("DSN detail code configuration error: {}", reply);
            reply = "450 4.7.1 Service unavailable";
        }
        reply = printable(reply.length() > 510 ? reply.substring(0, 510) : reply);
        Deferral ifReject = state.session().deferIfReject;
        if (!warn && ifReject.active() && reply.charAt(0) == '5') {
            state.warnIfReject = 0;
            ifReject.active(false);
            return reject(state, ifReject.errorClass(), ifReject.code(), ifReject.dsn(), ifReject.reason());
        }
        char[] chars = reply.toCharArray();
        if (state.settings().flag("soft_bounce", false) && chars[0] == '5') {
            chars[0] = '4';
        }
        chars[4] = chars[0];
        reply = new String(chars);
        state.errorText(reply);
        // A rejection that stands is logged by whoever sends it (with the command's own context).
        if (warn) {
            CheckLog.whatsup(state, "reject_warning", reply);
        }
        return warn ? Status.DUNNO : Status.REJECT;
    }

    /**
     * DEFER_IF_PERMIT: remembers the reply for the case that the restrictions end up permitting,
     * unless {@code warn_if_reject} is on or the tempfail action is plain {@code defer}, when it
     * takes effect at once.
     */
    static Status deferIfPermit(CheckState state, boolean deferIfPermitAction, ErrorClass cls, int code, String dsn,
            String text) {
        if (state.warnIfReject == 0 && deferIfPermitAction) {
            return state.session().deferIfPermit.defer(cls, code, dsn, text);
        }
        return reject(state, cls, code, dsn, text);
    }

    /** DEFER_IF_REJECT: a later 5xx rejection becomes this 4xx one. */
    static Status deferIfReject(CheckState state, ErrorClass cls, int code, String dsn, String text) {
        return state.session().deferIfReject.defer(cls, code, dsn, text);
    }

    /** reject_server_error(): a configuration problem ends the stage with 451 4.3.5. */
    static Abort serverError(CheckState state) {
        return new Abort(reject(state, ErrorClass.SOFTWARE, 451, "4.3.5", "Server configuration error"));
    }

    /** reject_dict_retry(): a failed lookup ends the stage with 451 4.3.0. */
    static Abort dictRetry(CheckState state, String name) {
        return new Abort(reject(state, ErrorClass.DATA, 451, "4.3.0", "<" + name + ">: Temporary lookup failure"));
    }

    /** printable(text, ' '): control characters become blanks. */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return sb.toString();
    }
}
