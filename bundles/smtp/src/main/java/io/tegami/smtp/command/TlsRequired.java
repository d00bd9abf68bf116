package io.tegami.smtp.command;

import io.tegami.smtp.session.SmtpSession;

/**
 * Wraps a command that must not run in clear when {@code smtpd_tls_security_level = encrypt}:
 * the precondition lives here once instead of in every command (SubEthaSMTP's wrapper idea).
 */
final class TlsRequired implements SmtpCommand {

    private final SmtpCommand delegate;

    TlsRequired(SmtpCommand delegate) {
        this.delegate = delegate;
    }

    @Override
    public String verb() {
        return delegate.verb();
    }

    @Override
    public boolean junk() {
        return delegate.junk();
    }

    @Override
    public boolean listedInHelp() {
        return delegate.listedInHelp();
    }

    @Override
    public Outcome execute(SmtpSession session, String argument) {
        if (!session.connection().isSecure() && session.settings().tlsRequired()) {
            session.reply("530 5.7.0 Must issue a STARTTLS command first");
            return Outcome.FAILURE;
        }
        return delegate.execute(session, argument);
    }
}
