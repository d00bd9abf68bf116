package io.tegami.smtp.command;

import io.tegami.smtp.restriction.Gates;
import io.tegami.smtp.session.SmtpSession;

/** {@code HELO name}: plain SMTP (RFC 5321 4.1.1.1); the reply names us, Postfix style. */
public final class HeloCommand implements SmtpCommand {

    /** Characters Postfix neuters in HELO names, which end up inside Received: headers. */
    private static final String NEUTER = " <>()\\\";@";

    @Override
    public String verb() {
        return "HELO";
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
        if (argument.isEmpty()) {
            session.reply("501 Syntax: HELO hostname");
            return Outcome.FAILURE;
        }
        if (Gates.helo(session, "HELO", sanitize(argument))) {
            return Outcome.FAILURE;
        }
        session.state().helo(sanitize(argument), false);
        session.reply("250 " + session.settings().myhostname());
        return Outcome.SUCCESS;
    }

    /**
     * Makes a HELO/EHLO argument safe for headers and logs: several words are joined (Postfix's
     * collapse_args), then control and special characters become {@code ?}.
     */
    static String sanitize(String argument) {
        String joined = String.join(" ", argument.trim().split("[ \t]+"));
        StringBuilder sb = new StringBuilder(joined.length());
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || NEUTER.indexOf(c) >= 0 ? '?' : c);
        }
        return sb.toString();
    }
}
