package io.tegami.smtp.restriction;

/**
 * Postfix's {@code SMTPD_DEFER}: a reply held back by {@code defer_if_permit} or
 * {@code defer_if_reject} (or a DNS temporary failure) until the restrictions have decided. Only the
 * first reason is kept while the deferral is active, to minimize confusion, as Postfix does.
 */
final class Deferral {

    private boolean active;
    private ErrorClass errorClass;
    private int code;
    private String dsn;
    private String reason;

    /** Records a reason unless one is already active; the restriction itself says DUNNO. */
    Status defer(ErrorClass cls, int code, String dsn, String reason) {
        if (!active) {
            active = true;
            this.errorClass = cls;
            this.code = code;
            this.dsn = dsn;
            this.reason = reason;
        }
        return Status.DUNNO;
    }

    boolean active() {
        return active;
    }

    void active(boolean value) {
        active = value;
    }

    ErrorClass errorClass() {
        return errorClass;
    }

    int code() {
        return code;
    }

    String dsn() {
        return dsn;
    }

    String reason() {
        return reason;
    }
}
