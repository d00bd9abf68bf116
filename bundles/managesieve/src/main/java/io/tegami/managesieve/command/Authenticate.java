package io.tegami.managesieve.command;

import java.util.List;

import io.tegami.api.sasl.SaslContext;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.SaslOffer;
import io.tegami.api.user.UserDirectory;
import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.SaslAnswers;
import io.tegami.managesieve.session.SieveSession;
import io.tegami.managesieve.session.Token;

/**
 * AUTHENTICATE (RFC 5804 section 2.1): {@code AUTHENTICATE "PLAIN" "base64"} with an optional
 * initial response; challenges and answers follow as strings (quoted or literal). The mechanisms
 * usable now follow Dovecot's rules ({@link SaslOffer}): no plaintext mechanism in clear from a
 * remote client while {@code disable_plaintext_auth} is on.
 */
public final class Authenticate implements Command {

    static final String PLAINTEXT_DISABLED = "Plaintext authentication disallowed on non-secure (SSL/TLS) connections.";

    @Override
    public boolean execute(SieveSession session, List<Token> args) {
        if (args.isEmpty() || args.size() > 2 || !args.stream().allMatch(t -> t.isString() || t.atom())) {
            session.reply(Responses.response("NO", null, "Error in AUTHENTICATE command: Invalid arguments."));
            return false;
        }
        String name = args.get(0).text();
        SaslOffer offer = Capability.offer(session);
        switch (offer.verdict(name)) {
            case UNKNOWN -> {
                session.reply(Responses.response("NO", null, "Unsupported authentication mechanism."));
                return false;
            }
            case NEEDS_SECURITY -> {
                session.authFailed(null);
                session.reply(Responses.response("NO", null, PLAINTEXT_DISABLED));
                return true;
            }
            default -> {
            }
        }
        SaslMechanism mechanism = offer.mechanism(name);
        byte[] initial = null;
        if (args.size() == 2) {
            if (!mechanism.isClientFirst()) {
                session.reply(Responses.response("NO", null, "Initial response not allowed for this mechanism."));
                return false;
            }
            initial = SaslAnswers.decode(args.get(1).text());
            if (initial == null) {
                session.reply(Responses.response("NO", null, "Invalid base64 data in initial response."));
                return false;
            }
        }
        UserDirectory users = session.services().users();
        if (users == null) {
            session.reply(Responses.response("NO", "TRYLATER", "Temporary authentication failure."));
            return true;
        }
        SaslContext context = SaslContext.of("sieve", session.connection().remoteAddress(),
                session.connection().isSecure(), users, session.settings().hostname());
        SaslAnswers answers = new SaslAnswers(session, mechanism.name(), mechanism.start(context));
        if (answers.start(initial)) {
            session.beginDialog(answers);
        }
        return true;
    }

    @Override
    public boolean authenticatedOnly() {
        return false;
    }

    @Override
    public boolean unauthenticatedOnly() {
        return true;
    }
}
