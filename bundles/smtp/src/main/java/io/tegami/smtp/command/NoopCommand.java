package io.tegami.smtp.command;

import io.tegami.smtp.session.SmtpSession;

/** {@code NOOP}: RFC 5321 4.1.1.9 allows (and says to ignore) an argument. */
public final class NoopCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "NOOP";
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
        session.reply("250 2.0.0 Ok");
        return Outcome.SUCCESS;
    }
}
