package io.tegami.imap.command;

import io.tegami.api.sasl.SaslContext;
import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.SaslOffer;
import io.tegami.api.user.UserDirectory;
import io.tegami.imap.auth.AuthOffer;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapLog;
import io.tegami.imap.session.ImapSession;

/**
 * AUTHENTICATE (RFC 3501 6.2.2) with SASL-IR (RFC 4959): the registered SASL mechanisms that
 * {@code auth_mechanisms} names and the connection allows. The exchange runs in a
 * {@link SaslDialog}, which takes the client's continuation lines.
 */
public final class AuthenticateCommand implements ImapCommand {

    @Override
    public String name() {
        return "AUTHENTICATE";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException {
        var r = request.args();
        r.sp();
        String name = r.atom();
        String initialText = null;
        if (r.optionalSp()) {
            initialText = r.atom();
        }
        r.end();
        SaslOffer offer = AuthOffer.of(session.connection(), session.settings(), session.services().mechanisms());
        switch (offer.verdict(name)) {
            case UNKNOWN -> {
                return Result.no("Unsupported authentication mechanism.");
            }
            case NEEDS_SECURITY -> {
                return Result.no(LoginCommand.PRIVACY);
            }
            default -> {
            }
        }
        SaslMechanism mechanism = offer.mechanism(name);
        byte[] initial = null;
        if (initialText != null) {
            if (!mechanism.isClientFirst()) {
                return Result.bad("Initial response not allowed for " + mechanism.name() + ".");
            }
            // RFC 4959: "=" is an empty initial response, as opposed to none at all.
            initial = initialText.equals("=") ? new byte[0] : SaslDialog.decode(initialText);
            if (initial == null) {
                return Result.bad("Invalid base64 data in initial response");
            }
        }
        UserDirectory users = session.services().users();
        if (users == null) {
            ImapLog.warn("no user directory service: cannot authenticate {}", session.connectionFields());
            return Result.no("[UNAVAILABLE] Temporary authentication failure.");
        }
        SaslContext context = SaslContext.of("imap", session.connection().remoteAddress(), session.connection().isSecure(),
                users, session.settings().hostname());
        SaslExchange exchange;
        try {
            exchange = mechanism.start(context);
        } catch (RuntimeException e) {
            ImapLog.warn("SASL {} mechanism failed: {}", mechanism.name(), e.toString());
            return Result.no("[UNAVAILABLE] Temporary authentication failure.");
        }
        SaslDialog dialog = new SaslDialog(session, request.tag(), mechanism.name(), exchange, this);
        Result result = dialog.step(initial);
        if (result.status() == Result.Status.PENDING && !dialog.replyScheduled()) {
            session.beginDialog(dialog);
        }
        return result;
    }
}
