package io.tegami.imap.command;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import io.tegami.api.sasl.SaslOffer;
import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;
import io.tegami.api.sasl.PenaltyReplies;
import io.tegami.imap.auth.AuthOffer;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapLog;
import io.tegami.imap.session.ImapSession;

/**
 * LOGIN (RFC 3501 6.2.3): a plaintext login, refused with Dovecot's words where plaintext
 * authentication is disabled (LOGINDISABLED). Logged as {@code method=PLAIN}, as Dovecot does.
 */
public final class LoginCommand implements ImapCommand {

    static final String PRIVACY = "[PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.";

    @Override
    public String name() {
        return "LOGIN";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException {
        var r = request.args();
        r.sp();
        String name = r.astring();
        r.sp();
        byte[] password = r.astringBytes();
        r.end();
        try {
            SaslOffer offer = AuthOffer.of(session.connection(), session.settings(), session.services().mechanisms());
            if (!offer.plaintextAllowed()) {
                session.out().untagged("BAD [ALERT] Plaintext authentication not allowed without SSL/TLS, but your client "
                        + "did it anyway. If anyone was listening, the password was exposed.");
                return Result.no(PRIVACY);
            }
            UserDirectory users = session.services().users();
            if (users == null) {
                ImapLog.warn("no user directory service: cannot authenticate {}", ImapLog.printable(name));
                return Result.no("[UNAVAILABLE] Temporary authentication failure.");
            }
            InetAddress ip = session.connection().remoteAddress() == null ? null
                    : session.connection().remoteAddress().getAddress();
            if (PenaltyReplies.banned(session.services().penalty(), ip)) {
                // Banned for too many failures: the password is not even checked.
                return failed(session, request.tag(), name);
            }
            char[] secret = chars(password);
            Optional<User> user;
            try {
                user = users.authenticate(name, secret, ip);
            } catch (DirectoryException | RuntimeException e) {
                ImapLog.warn("user directory failed for {}: {}", ImapLog.printable(name), e.toString());
                return Result.no("[UNAVAILABLE] Temporary authentication failure.");
            } finally {
                Arrays.fill(secret, '\0');
            }
            if (user.isEmpty()) {
                return failed(session, request.tag(), name);
            }
            PenaltyReplies.succeeded(session.services().penalty(), ip);
            String refusal = session.login(user.get(), "PLAIN");
            if (refusal != null) {
                return Result.no(refusal);
            }
            return Result.ok("[CAPABILITY " + session.capabilities() + "] Logged in");
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /**
     * A failed login: logged, and its NO written after the auth penalty by an executeAfter task,
     * so no thread sleeps and the client's next commands wait behind it.
     */
    private Result failed(ImapSession session, String tag, String name) {
        session.authFailed(name, "PLAIN");
        PenaltyReplies.failed(session.services().penalty(), session.connection(), () -> CommandDispatcher.complete(session, tag,
                Result.no("[AUTHENTICATIONFAILED] Authentication failed."), this));
        return Result.PENDING;
    }

    /** The password as characters; the decoder's buffer is wiped. */
    private static char[] chars(byte[] utf8) {
        CharBuffer cb = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(utf8));
        char[] exact = new char[cb.remaining()];
        cb.get(exact);
        if (cb.hasArray()) {
            Arrays.fill(cb.array(), '\0');
        }
        return exact;
    }
}
