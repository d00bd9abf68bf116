package io.tegami.smtp.command;

import io.tegami.smtp.session.SmtpSession;

/**
 * {@code AUTH} before SASL exists in this server: Postfix's answer when
 * {@code smtpd_sasl_auth_enable = no}. Counted under its own name in the disconnect line.
 */
public final class AuthCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "AUTH";
    }

    @Override
    public boolean listedInHelp() {
        return false;
    }

    @Override
    public Outcome execute(SmtpSession session, String argument) {
        session.reply("503 5.5.1 Error: authentication not enabled");
        return Outcome.FAILURE;
    }
}
