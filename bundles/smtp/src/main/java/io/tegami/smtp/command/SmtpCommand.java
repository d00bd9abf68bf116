package io.tegami.smtp.command;

import io.tegami.smtp.session.SmtpSession;

/**
 * One SMTP verb. Implementations are stateless and shared by all sessions: whatever a command
 * needs to remember lives in the {@link SmtpSession}. A command writes exactly one reply (single
 * or multi-line) per call.
 */
public interface SmtpCommand {

    /** The verb in upper case ({@code MAIL}). */
    String verb();

    /**
     * Whether the command is allowed before STARTTLS when TLS is required
     * ({@code smtpd_tls_security_level = encrypt}); Postfix allows HELO, EHLO, STARTTLS, NOOP, QUIT.
     */
    default boolean allowedBeforeTls() {
        return false;
    }

    /** Whether repeating it for free counts towards {@code smtpd_junk_command_limit}. */
    default boolean junk() {
        return false;
    }

    /** Whether HELP lists it. */
    default boolean listedInHelp() {
        return true;
    }

    /**
     * Runs the command and replies.
     *
     * @param session the session
     * @param argument the text after the verb, without surrounding blanks; empty when none
     */
    Outcome execute(SmtpSession session, String argument);
}
