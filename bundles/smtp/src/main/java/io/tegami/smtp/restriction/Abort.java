package io.tegami.smtp.restriction;

/**
 * Ends the evaluation of a whole restriction stage at once, as Postfix's {@code longjmp} out of
 * smtpd_check.c does after a configuration error or a failed table lookup. The reply has been
 * formatted (and logged) already; the stage answers with it.
 */
final class Abort extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Status status;

    Abort(Status status) {
        super(null, null, false, false);
        this.status = status;
    }

    Status status() {
        return status;
    }
}
