package io.tegami.smtp.command;

import io.tegami.smtp.session.SmtpSession;

/**
 * {@code STARTTLS} (RFC 3207): the go-ahead goes out in clear, then the net layer switches the
 * connection to TLS and drops any input the client pipelined behind the command. Everything the
 * client said before is forgotten, so it must EHLO again.
 */
public final class StartTlsCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "STARTTLS";
    }

    @Override
    public boolean allowedBeforeTls() {
        return true;
    }

    @Override
    public Outcome execute(SmtpSession session, String argument) {
        if (!argument.isEmpty()) {
            session.reply("501 5.5.4 Syntax: STARTTLS");
            return Outcome.FAILURE;
        }
        if (session.connection().isSecure()) {
            session.reply("554 5.5.1 Error: TLS already active");
            return Outcome.FAILURE;
        }
        if (!session.tlsAvailable()) {
            session.reply("502 5.5.1 Error: command not implemented");
            return Outcome.FAILURE;
        }
        session.reply("220 2.0.0 Ready to start TLS");
        session.startTls();
        return Outcome.SUCCESS;
    }
}
