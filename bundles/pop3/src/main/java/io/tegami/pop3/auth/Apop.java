package io.tegami.pop3.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.tegami.api.sasl.SaslResult;
import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;

/**
 * APOP (RFC 1939 section 7): the client proves it knows the password with
 * {@code MD5(timestamp password)}, the timestamp being the one in the greeting. The server needs
 * the password in clear, so APOP works only for users whose passdb entry can give one (Dovecot's
 * {@code {PLAIN}} scheme and the like, through {@link UserDirectory#credentials}); it is off
 * unless {@code auth_mechanisms} lists {@code apop}, as MD5 is weak.
 */
public final class Apop {

    private static final AtomicLong COUNTER = new AtomicLong();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long PID = ProcessHandle.current().pid();

    private Apop() {
    }

    /**
     * A fresh timestamp in Dovecot's shape, {@code <pid.counter.time.random@host>}: unique per
     * connection, so a recorded APOP answer is never good again.
     */
    public static String challenge(Clock clock, String hostname) {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return "<" + Long.toHexString(PID) + "." + Long.toHexString(COUNTER.incrementAndGet()) + "."
                + Long.toHexString(clock.millis() / 1000) + "." + Base64.getEncoder().encodeToString(random)
                + "@" + hostname + ">";
    }

    /** Whether {@code digest} is 32 hex digits, as RFC 1939 requires. */
    public static boolean wellFormed(String digest) {
        return digest.length() == 32 && digest.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /**
     * Checks an APOP answer.
     *
     * @param client the client's address, for the directory's per-user restrictions; may be null
     * @return success with the user, or a failure (temporary when the directory cannot answer)
     */
    public static SaslResult verify(UserDirectory users, String name, String digest, String challenge,
            java.net.InetAddress client) {
        try {
            Optional<String> password = users.credentials(name, "PLAIN");
            if (password.isEmpty()) {
                return SaslResult.Failure.of("APOP not possible: unknown user or password not in clear", name);
            }
            String expected = md5Hex(challenge + password.get());
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    digest.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
                return SaslResult.Failure.of("password mismatch", name);
            }
            // The digest matched: let the directory apply allow_nets, nologin and the like.
            Optional<User> user = users.authenticate(name, password.get().toCharArray(), client);
            return user.<SaslResult>map(SaslResult.Success::of)
                    .orElse(SaslResult.Failure.of("login refused by the user directory", name));
        } catch (DirectoryException e) {
            return SaslResult.Failure.temporary(e.getMessage() == null ? "user directory failed" : e.getMessage(), name);
        }
    }

    static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
