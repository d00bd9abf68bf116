package io.tegami.smtp.command;

import io.tegami.smtp.session.SmtpSession;

/** {@code HELP}: lists the verbs this server knows (Postfix has no HELP; RFC 5321 4.1.1.8 asks for one). */
public final class HelpCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "HELP";
    }

    @Override
    public boolean allowedBeforeTls() {
        return true;
    }

    @Override
    public boolean junk() {
        return true;
    }

    @Override
    public Outcome execute(SmtpSession session, String argument) {
        session.reply("214 2.0.0 Commands: " + String.join(" ", session.helpVerbs()));
        return Outcome.SUCCESS;
    }
}
