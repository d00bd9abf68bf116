package io.tegami.smtp.command;

import io.tegami.smtp.session.SmtpSession;

/** {@code QUIT}: says goodbye and closes; like Postfix, it does not check for arguments. */
public final class QuitCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "QUIT";
    }

    @Override
    public boolean allowedBeforeTls() {
        return true;
    }

    @Override
    public Outcome execute(SmtpSession session, String argument) {
        session.reply("221 2.0.0 Bye");
        session.hangUp();
        return Outcome.SUCCESS;
    }
}
