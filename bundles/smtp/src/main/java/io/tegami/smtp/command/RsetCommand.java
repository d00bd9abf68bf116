package io.tegami.smtp.command;

import io.tegami.smtp.session.SmtpSession;

/** {@code RSET}: abandons the mail transaction, keeps the HELO (RFC 5321 4.1.1.5). */
public final class RsetCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "RSET";
    }

    @Override
    public boolean junk() {
        return true;
    }

    @Override
    public Outcome execute(SmtpSession session, String argument) {
        if (!argument.isEmpty()) {
            session.reply("501 5.5.4 Syntax: RSET");
            return Outcome.FAILURE;
        }
        session.state().endTransaction();
        session.reply("250 2.0.0 Ok");
        return Outcome.SUCCESS;
    }
}
