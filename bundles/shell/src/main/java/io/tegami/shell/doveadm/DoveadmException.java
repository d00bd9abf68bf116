package io.tegami.shell.doveadm;

import io.tegami.shell.CommandFailedException;

/**
 * A doveadm command failed. The message is what Dovecot's doveadm prints on stderr in the same
 * case ({@code Fatal: reverse password verification check failed: Password mismatch}); the exit
 * code is Dovecot's too (sysexits.h), for the admin socket to pass on once it carries more than
 * success and failure. Until then any failure makes {@code tegami-ctl} exit with status 1.
 */
public class DoveadmException extends CommandFailedException {

    /** Bad command line. */
    public static final int EX_USAGE = 64;
    /** Bad data: the mailbox already exists, INBOX cannot be deleted (doveadm's EX_DATAERR). */
    public static final int EX_DATAERR = 65;
    /** The user does not exist. */
    public static final int EX_NOUSER = 67;
    /** Nothing matched (doveadm's DOVEADM_EX_NOTFOUND, sysexits' EX_NOHOST): {@code doveadm kick}. */
    public static final int EX_NOTFOUND = 68;
    /** Temporary failure, and what doveadm exits with on a fatal error. */
    public static final int EX_TEMPFAIL = 75;
    /** Authentication failed. */
    public static final int EX_NOPERM = 77;

    private static final long serialVersionUID = 1L;

    /** @param exitCode the exit status Dovecot's doveadm would end with */
    public DoveadmException(int exitCode, String message) {
        super(exitCode, message);
    }

    static DoveadmException usage(String message) {
        return new DoveadmException(EX_USAGE, message);
    }

    static DoveadmException fatal(String message) {
        return new DoveadmException(EX_TEMPFAIL, "Fatal: " + message);
    }
}
