package io.tegami.webconsole;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The Felix Web Console's password hashes, made the way its {@code Password} class checks them:
 * {@code {sha-256}<salt>-<iterations>-<base64(digest)>}, where the digest is SHA-256 applied
 * {@code iterations} times to the UTF-8 bytes of salt and password. The console keeps that class
 * private, so the format is reproduced here; a unit test checks it against the console's own class.
 */
final class ConsolePassword {

    /** Web Console's own defaults: 8 random bytes of salt in hex, 1000 rounds. */
    static final int SALT_BYTES = 8;
    static final int ITERATIONS = 1000;
    /** Letters and digits without the look-alikes (0/O, 1/l/I), to read off a log and type. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    /** 20 characters of 57: about 117 bits. */
    static final int LENGTH = 20;

    private final SecureRandom random;

    ConsolePassword(SecureRandom random) {
        this.random = random;
    }

    /** A new random password. */
    String generate() {
        StringBuilder p = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            p.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return p.toString();
    }

    /** The hash of {@code password} to store as the console's {@code password} property. */
    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return hash(password, HexFormat.of().formatHex(salt), ITERATIONS);
    }

    static String hash(String password, String salt, int iterations) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] bytes = (salt + password).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < iterations; i++) {
                md.reset();
                bytes = md.digest(bytes);
            }
            return "{sha-256}" + salt + "-" + iterations + "-" + Base64.getEncoder().encodeToString(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code stored} is a hash this console understands (as opposed to a plain text password). */
    static boolean isHashed(String stored) {
        return stored != null && stored.startsWith("{") && stored.indexOf('}') > 1;
    }
}
