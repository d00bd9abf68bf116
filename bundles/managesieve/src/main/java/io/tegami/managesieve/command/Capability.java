package io.tegami.managesieve.command;

import java.util.List;
import java.util.Set;

import io.tegami.api.sasl.SaslOffer;
import io.tegami.api.sieve.SieveEngine;
import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.SieveSession;
import io.tegami.managesieve.session.SieveSettings;
import io.tegami.managesieve.session.Token;

/**
 * CAPABILITY (RFC 5804 section 2.4), also sent as the greeting and after STARTTLS:
 * {@code IMPLEMENTATION}, {@code SIEVE} (the engine's extensions), {@code NOTIFY} when
 * {@code enotify} is there, {@code SASL} (the mechanisms allowed now), {@code STARTTLS} while it
 * can be used, {@code MAXREDIRECTS} and {@code VERSION "1.0"}.
 */
public final class Capability implements Command {

    @Override
    public boolean execute(SieveSession session, List<Token> args) {
        if (!args.isEmpty()) {
            return Args.refuse(session, "CAPABILITY", "Too many arguments.");
        }
        write(session);
        session.reply(Responses.response("OK", null, "Capability completed."));
        return true;
    }

    @Override
    public boolean authenticatedOnly() {
        return false;
    }

    /** The capability lines, without the closing {@code OK}. */
    public static void write(SieveSession session) {
        SieveSettings settings = session.settings();
        SieveEngine engine = session.services().engine();
        Set<String> extensions = engine == null ? Set.of() : engine.extensions();
        StringBuilder sb = new StringBuilder();
        line(sb, "IMPLEMENTATION", settings.implementation());
        line(sb, "SIEVE", String.join(" ", extensions));
        // Pigeonhole's order; MAXREDIRECTS only after login (managesieve-login does not send it).
        if (session.state() != SieveSession.State.NON_AUTHENTICATED && settings.maxRedirects() > 0) {
            line(sb, "MAXREDIRECTS", String.valueOf(settings.maxRedirects()));
        }
        if (extensions.contains("enotify")) {
            line(sb, "NOTIFY", "mailto");
        }
        if (session.state() == SieveSession.State.NON_AUTHENTICATED) {
            line(sb, "SASL", String.join(" ", offer(session).advertised()));
            if (session.connection().canStartTls() && !session.connection().isSecure()) {
                line(sb, "STARTTLS", null);
            }
        }
        line(sb, "VERSION", "1.0");
        session.write(sb.toString());
    }

    /** The SASL offer for the connection as it is now (Dovecot's rules). */
    static SaslOffer offer(SieveSession session) {
        SieveSettings s = session.settings();
        return SaslOffer.of(SaslOffer.isSecured(session.connection()), s.sslRequired(), s.disablePlaintextAuth(),
                s.authMechanisms(), session.services().mechanisms());
    }

    private static void line(StringBuilder sb, String name, String value) {
        sb.append(Responses.string(name));
        if (value != null) {
            sb.append(' ').append(Responses.string(value));
        }
        sb.append("\r\n");
    }
}
