package io.tegami.pop3.command;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

import io.tegami.api.net.Connection;
import io.tegami.api.sasl.SaslContext;
import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.SaslOffer;
import io.tegami.api.sasl.SaslResult;
import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;
import io.tegami.pop3.auth.Apop;
import io.tegami.pop3.auth.AuthOffer;
import io.tegami.pop3.auth.Authentication;
import io.tegami.pop3.auth.SaslDialog;
import io.tegami.pop3.session.Pop3Log;
import io.tegami.pop3.session.Pop3Session;

/**
 * The commands of the AUTHORIZATION state (RFC 1939 section 4, RFC 2449 CAPA, RFC 2595 STLS,
 * RFC 5034 AUTH) with Dovecot's pop3-login replies. Anything else is
 * {@code -ERR Unknown command.}, which counts toward the bad-command limit.
 */
public final class AuthorizationCommands {

    private AuthorizationCommands() {
    }

    /**
     * Runs one command.
     *
     * @param verb the command name, upper case
     * @param args the rest of the line after the first space, as sent
     * @return false for an unknown command
     */
    public static boolean execute(Pop3Session session, String verb, String args) {
        switch (verb) {
            case "CAPA" -> capa(session);
            case "USER" -> user(session, args);
            case "PASS" -> pass(session, args);
            case "APOP" -> apop(session, args);
            case "AUTH" -> auth(session, args);
            case "STLS" -> stls(session);
            case "QUIT" -> {
                session.reply("+OK Logging out");
                session.finish(Pop3Session.QUIT_BEFORE_LOGIN, false);
            }
            default -> {
                session.reply("-ERR Unknown command.");
                return false;
            }
        }
        return true;
    }

    private static SaslOffer offer(Pop3Session session) {
        return AuthOffer.of(session.connection(), session.settings(), session.services().mechanisms());
    }

    private static void capa(Pop3Session session) {
        SaslOffer offer = offer(session);
        session.write(Capabilities.authorization(tlsPossible(session), offer.plaintextAllowed(), offer.advertised()));
    }

    private static boolean tlsPossible(Pop3Session session) {
        Connection c = session.connection();
        return !c.isSecure() && c.canStartTls() && !session.settings().ssl().equals("no");
    }

    private static void user(Pop3Session session, String args) {
        if (!offer(session).plaintextAllowed()) {
            refusePlaintext(session);
            return;
        }
        session.login().pendingUser(args);
        session.reply("+OK");
    }

    private static void pass(Pop3Session session, String password) {
        if (!offer(session).plaintextAllowed()) {
            refusePlaintext(session);
            return;
        }
        String name = session.login().pendingUser();
        if (name == null) {
            session.reply("-ERR No username given.");
            return;
        }
        session.login().pendingUser(null);
        UserDirectory users = session.services().users();
        if (users == null) {
            Authentication.failed(session, "PLAIN", SaslResult.Failure.temporary("no user directory service", name));
            return;
        }
        Optional<User> user;
        try {
            user = users.authenticate(name, password.toCharArray(), clientIp(session));
        } catch (DirectoryException | RuntimeException e) {
            Authentication.failed(session, "PLAIN", SaslResult.Failure.temporary(String.valueOf(e.getMessage()), name));
            return;
        }
        if (user.isPresent()) {
            Authentication.succeeded(session, user.get(), "PLAIN");
        } else {
            Authentication.failed(session, "PLAIN", SaslResult.Failure.of("authentication failure", name));
        }
    }

    private static void refusePlaintext(Pop3Session session) {
        session.login().plaintextRefused();
        session.reply(AuthOffer.PLAINTEXT_DISABLED);
    }

    private static void apop(Pop3Session session, String args) {
        String challenge = session.login().apopChallenge();
        if (challenge == null || !session.settings().apopEnabled()) {
            session.reply("-ERR APOP not enabled.");
            return;
        }
        if (!offer(session).allowed()) {
            refusePlaintext(session);
            return;
        }
        int space = args.indexOf(' ');
        if (space < 0 || args.length() - space - 1 != 32) {
            session.reply("-ERR Invalid parameters.");
            return;
        }
        String name = args.substring(0, space);
        String digest = args.substring(space + 1);
        if (!Apop.wellFormed(digest)) {
            session.reply("-ERR Invalid characters in MD5 response.");
            return;
        }
        UserDirectory users = session.services().users();
        SaslResult result = users == null ? SaslResult.Failure.temporary("no user directory service", name)
                : Apop.verify(users, name, digest, challenge, clientIp(session));
        if (result instanceof SaslResult.Success success) {
            Authentication.succeeded(session, success.user(), "APOP");
        } else {
            Authentication.failed(session, "APOP", (SaslResult.Failure) result);
        }
    }

    private static void auth(Pop3Session session, String args) {
        SaslOffer offer = offer(session);
        if (args.isBlank()) {
            // The pre-RFC 5034 way to list mechanisms, which Outlook still uses.
            StringBuilder sb = new StringBuilder("+OK\r\n");
            offer.advertised().forEach(m -> sb.append(m).append("\r\n"));
            session.write(sb.append(".\r\n"));
            return;
        }
        int space = args.indexOf(' ');
        String name = space < 0 ? args : args.substring(0, space);
        String initial = space < 0 ? null : args.substring(space + 1).strip();
        switch (offer.verdict(name)) {
            case UNKNOWN -> {
                session.login().unsupportedMechanism(Pop3Log.printable(name));
                session.reply("-ERR [AUTH] Unsupported authentication mechanism.");
                return;
            }
            case NEEDS_SECURITY -> {
                refusePlaintext(session);
                return;
            }
            default -> {
            }
        }
        SaslMechanism mechanism = offer.mechanism(name);
        byte[] response = null;
        if (initial != null && !initial.isEmpty()) {
            if (!mechanism.isClientFirst()) {
                // RFC 5034 section 4: an initial response to a server-first mechanism is rejected.
                session.login().failed(mechanism.name(), null);
                session.reply("-ERR [AUTH] Initial response not allowed with " + mechanism.name() + ".");
                return;
            }
            response = initial.equals("=") ? new byte[0] : SaslDialog.decode(initial);
            if (response == null) {
                session.login().failed(mechanism.name(), null);
                session.reply("-ERR [AUTH] Invalid base64 data in initial response");
                return;
            }
        }
        UserDirectory users = session.services().users();
        if (users == null) {
            Authentication.failed(session, mechanism.name(), SaslResult.Failure.temporary("no user directory service", null));
            return;
        }
        SaslContext context = SaslContext.of("pop3", session.connection().remoteAddress(),
                session.connection().isSecure(), users, session.settings().hostname());
        SaslExchange exchange;
        try {
            exchange = mechanism.start(context);
        } catch (RuntimeException e) {
            Authentication.failed(session, mechanism.name(), SaslResult.Failure.temporary("mechanism failed: " + e, null));
            return;
        }
        SaslDialog dialog = new SaslDialog(session, mechanism.name(), exchange);
        if (dialog.start(response)) {
            session.beginDialog(dialog);
        }
    }

    private static void stls(Pop3Session session) {
        Connection c = session.connection();
        if (c.isSecure()) {
            session.reply("-ERR TLS is already active.");
        } else if (!tlsPossible(session)) {
            session.reply("-ERR TLS support isn't enabled.");
        } else {
            session.reply("+OK Begin TLS negotiation now.");
            session.startTls();
        }
    }

    private static InetAddress clientIp(Pop3Session session) {
        InetSocketAddress remote = session.connection().remoteAddress();
        return remote == null ? null : remote.getAddress();
    }
}
