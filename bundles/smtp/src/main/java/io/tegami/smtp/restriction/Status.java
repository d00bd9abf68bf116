package io.tegami.smtp.restriction;

/**
 * What one restriction decided, as Postfix's smtpd_check.c names it: {@code SMTPD_CHECK_DUNNO}
 * (no opinion, go on with the next restriction), {@code SMTPD_CHECK_OK} (permit: this list ends
 * here and accepts) and {@code SMTPD_CHECK_REJECT} (the reply is in {@link CheckState#errorText()}).
 */
enum Status {
    /** Indifferent: the next restriction decides. */
    DUNNO,
    /** Explicitly permitted. */
    OK,
    /** Rejected (or deferred: the reply's code says which). */
    REJECT
}
