package io.tegami.smtp.restriction;

/**
 * The restrictions that do not look at the client or the envelope: {@code permit}, {@code reject},
 * {@code defer}, {@code defer_if_permit}, {@code defer_if_reject}, and
 * {@code reject_unauth_pipelining}, in the words of the list they appear in.
 */
final class Generic {

    private Generic() {
    }

    static Status permit(CheckState state) {
        return Status.OK;
    }

    static Status reject(CheckState state) {
        return Rejects.reject(state, ErrorClass.POLICY, state.settings().code("reject_code", 554), "5.7.1",
                rejected(state, "Access denied"));
    }

    static Status defer(CheckState state) {
        return Rejects.reject(state, ErrorClass.POLICY, state.settings().code("defer_code", 450), "4.3.2",
                rejected(state, "Try again later"));
    }

    static Status deferIfPermit(CheckState state) {
        return Rejects.deferIfPermit(state, true, ErrorClass.POLICY, 450, "4.7.0",
                rejected(state, "defer_if_permit requested"));
    }

    static Status deferIfReject(CheckState state) {
        return Rejects.deferIfReject(state, ErrorClass.POLICY, 450, "4.7.0", rejected(state, "defer_if_reject requested"));
    }

    /**
     * The client sent commands ahead of our replies where RFC 2920 does not allow it (seen by the
     * session's PipeliningGuard, which with {@code smtpd_forbid_unauth_pipelining = yes} has
     * already disconnected such a client; this restriction matters when that is off).
     */
    static Status unauthPipelining(CheckState state) {
        if (state.session().improperPipelining) {
            return Rejects.reject(state, ErrorClass.PROTOCOL, 503, "5.5.0",
                    rejected(state, "Improper use of SMTP command pipelining"));
        }
        return Status.DUNNO;
    }

    /** {@code reject_multi_recipient_bounce}: a bounce ({@code MAIL FROM:<>}) to more than one recipient. */
    static Status multiRecipientBounce(CheckState state) {
        int allowed = state.where.equals("RCPT") ? 0 : 1;
        if (state.sender != null && state.sender.isEmpty() && state.facts().recipientCount() > allowed) {
            return Rejects.reject(state, ErrorClass.POLICY, state.settings().code("multi_recipient_bounce_reject_code", 550),
                    "5.5.3", rejected(state, "Multi-recipient bounce"));
        }
        return Status.DUNNO;
    }

    /** {@code <name>: Class rejected: why}, the shape of most replies. */
    static String rejected(CheckState state, String why) {
        return rejected(state.replyName, state.replyClass, why);
    }

    static String rejected(String name, String cls, String why) {
        return "<" + name + ">: " + cls + " rejected: " + why;
    }
}
