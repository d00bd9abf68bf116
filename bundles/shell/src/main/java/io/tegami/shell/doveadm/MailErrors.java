package io.tegami.shell.doveadm;

import java.util.ArrayList;
import java.util.List;

import io.tegami.api.store.StoreException;

/**
 * The errors of one doveadm mail command: Dovecot goes on with the next mailbox after a failure,
 * logs {@code doveadm(alice): Error: ...} for each, and exits with the first failure's code (a
 * temporary failure overrides it), as {@code doveadm_mail_failed_error()} does.
 */
final class MailErrors {

    private final String user;
    private final List<String> lines = new ArrayList<>();
    private int exitCode;

    MailErrors(String user) {
        this.user = user;
    }

    /** {@code doveadm(alice): Error: }. */
    static String prefix(String user) {
        return "doveadm(" + user + "): Error: ";
    }

    /** Dovecot's exit code for a storage error (doveadm-mail.c's mapping of mail errors). */
    static int exitCode(StoreException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> DoveadmException.EX_NOTFOUND;
            case ALREADY_EXISTS, NOT_ALLOWED -> DoveadmException.EX_DATAERR;
            case INVALID_NAME -> DoveadmException.EX_USAGE;
            case NO_SPACE -> DoveadmException.EX_NOPERM;
            case IO -> DoveadmException.EX_TEMPFAIL;
        };
    }

    /**
     * Dovecot's wording of a storage error about {@code mailbox}: {@code Mailbox doesn't exist: X},
     * {@code Mailbox already exists}, {@code INBOX can't be deleted.}; the store's own words otherwise.
     */
    static String text(StoreException e, String mailbox) {
        return switch (e.reason()) {
            case NOT_FOUND -> "Mailbox doesn't exist: " + mailbox;
            case ALREADY_EXISTS -> "Mailbox already exists";
            case NOT_ALLOWED -> "INBOX".equals(mailbox) ? "INBOX can't be deleted." : e.getMessage();
            case INVALID_NAME -> "Invalid mailbox name: " + e.getMessage();
            default -> e.getMessage();
        };
    }

    /** Records one failure with its text after the {@code Error: } prefix. */
    void add(int code, String text) {
        lines.add(prefix(user) + text);
        if (exitCode == 0 || code == DoveadmException.EX_TEMPFAIL) {
            exitCode = code;
        }
    }

    /** Records a storage failure: {@code <what>: <Dovecot's wording>}. */
    void add(String what, StoreException e, String mailbox) {
        add(exitCode(e), what + ": " + text(e, mailbox));
    }

    boolean any() {
        return !lines.isEmpty();
    }

    /** Ends the command: throws the collected errors, if any. */
    void check() {
        if (!lines.isEmpty()) {
            throw new DoveadmException(exitCode, String.join("\n", lines));
        }
    }
}
