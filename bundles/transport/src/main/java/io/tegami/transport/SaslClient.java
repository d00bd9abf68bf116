package io.tegami.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * AUTH (RFC 4954) with the mechanisms PLAIN (RFC 4616) and LOGIN, chosen as Postfix's SASL glue
 * chooses: among those the server offers, minus what {@code smtp_sasl_mechanism_filter} leaves
 * out, minus the plaintext ones when the security options say {@code noplaintext}
 * ({@code smtp_sasl_tls_security_options} applies on TLS connections). PLAIN is preferred.
 */
final class SaslClient {

    private static final List<String> OURS = List.of("PLAIN", "LOGIN");

    private SaslClient() {
    }

    /** The mechanism to use, or null when none is acceptable to both sides. */
    static String choose(Set<String> offered, Set<String> filter, Set<String> options) {
        if (options.contains("noplaintext")) {
            return null; // both of ours send the password in the clear (inside TLS or not)
        }
        for (String m : OURS) {
            if (offered.contains(m) && (filter.isEmpty() || filter.contains(m))) {
                return m;
            }
        }
        return null;
    }

    /**
     * Authenticates.
     *
     * @throws SessionException with Postfix's "SASL authentication failed" explanation; soft, as
     *         with {@code smtp_sasl_auth_soft_bounce = yes}
     */
    static void authenticate(SmtpChannel ch, String mechanism, PasswordLookup.Credentials c, Duration limit)
            throws SessionException, IOException {
        Reply reply;
        if (mechanism.equals("PLAIN")) {
            ch.send("AUTH PLAIN " + b64("\0" + c.username() + "\0" + c.password()));
            ch.flush(limit);
            reply = ch.read(limit);
            if (reply.code() == 334) { // a server that wants the response on its own line
                ch.send(b64("\0" + c.username() + "\0" + c.password()));
                ch.flush(limit);
                reply = ch.read(limit);
            }
        } else {
            ch.send("AUTH LOGIN");
            ch.flush(limit);
            reply = ch.read(limit);
            if (reply.code() == 334) {
                ch.send(b64(c.username()));
                ch.flush(limit);
                reply = ch.read(limit);
            }
            if (reply.code() == 334) {
                ch.send(b64(c.password()));
                ch.flush(limit);
                reply = ch.read(limit);
            }
        }
        if (reply.code() != 235) {
            if (reply.code() == 334) {
                ch.send("*"); // cancel an exchange that wants more than we have
                ch.flush(limit);
                ch.read(limit);
            }
            Target t = ch.target();
            throw new SessionException(new Failure(reply.permanentFailure(), reply.dsn(),
                    "SASL authentication failed; server " + t.name() + " said: " + reply, reply, t).softened(), true, false);
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
