package io.tegami.users.passwdfile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a plaintext password against a stored Dovecot password ({@code {SCHEME}data}), following
 * Dovecot's {@code password-scheme.c}: the scheme is case-insensitive and may carry an encoding
 * suffix ({@code .HEX}, {@code .B64}, {@code .BASE64}); without one, fixed-length digests are read
 * as hex when the length fits and as base64 otherwise. A value without {@code {SCHEME}} is CRYPT
 * (passwd-file's default_pass_scheme), except {@code $1$...}, which Dovecot reads as MD5-CRYPT.
 */
final class PasswordSchemes {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordSchemes.class);
    /** Unknown schemes are logged once each, not once per login attempt. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private enum Encoding { NONE, HEX, BASE64 }

    /** A digest scheme: the JCA algorithm, whether a salt follows the digest, the default encoding. */
    private record Digest(String algorithm, int length, boolean salted, Encoding encoding) {
    }

    private PasswordSchemes() {
    }

    /**
     * Checks a password. Never throws for bad data: a malformed or unknown stored value is a mismatch.
     *
     * @param stored the password field of the passwd-file
     * @param password the plaintext password, UTF-8 encoded
     */
    static boolean verify(String stored, byte[] password) {
        if (stored.isEmpty()) {
            return false; // an empty password field never authenticates (no "nopassword" support)
        }
        String scheme = "CRYPT";
        String data = stored;
        if (stored.charAt(0) == '{') {
            int close = stored.indexOf('}');
            if (close < 0) {
                return unknown(stored);
            }
            scheme = stored.substring(1, close).toUpperCase(Locale.ROOT);
            data = stored.substring(close + 1);
        }
        Encoding suffix = null;
        int dot = scheme.indexOf('.');
        if (dot >= 0) {
            String enc = scheme.substring(dot + 1);
            scheme = scheme.substring(0, dot);
            switch (enc) {
                case "HEX" -> suffix = Encoding.HEX;
                case "B64", "BASE64" -> suffix = Encoding.BASE64;
                default -> {
                    return unknown(scheme + "." + enc);
                }
            }
        }
        return switch (scheme) {
            case "PLAIN", "CLEAR", "CLEARTEXT" ->
                    MessageDigest.isEqual(data.getBytes(StandardCharsets.UTF_8), password);
            case "CRYPT", "MD5-CRYPT", "SHA256-CRYPT", "SHA512-CRYPT", "DES-CRYPT" -> crypt(scheme, data, password);
            // Dovecot's {MD5} is MD5-CRYPT when it looks like one, PLAIN-MD5 otherwise.
            case "MD5" -> data.startsWith("$1$") ? crypt(scheme, data, password)
                    : digest(new Digest("MD5", 16, false, Encoding.HEX), suffix, data, password);
            case "SHA", "SHA1" -> digest(new Digest("SHA-1", 20, false, Encoding.BASE64), suffix, data, password);
            case "SHA256" -> digest(new Digest("SHA-256", 32, false, Encoding.BASE64), suffix, data, password);
            case "SHA512" -> digest(new Digest("SHA-512", 64, false, Encoding.BASE64), suffix, data, password);
            case "PLAIN-MD5" -> digest(new Digest("MD5", 16, false, Encoding.HEX), suffix, data, password);
            case "LDAP-MD5" -> digest(new Digest("MD5", 16, false, Encoding.BASE64), suffix, data, password);
            case "SMD5" -> digest(new Digest("MD5", 16, true, Encoding.BASE64), suffix, data, password);
            case "SSHA" -> digest(new Digest("SHA-1", 20, true, Encoding.BASE64), suffix, data, password);
            case "SSHA256" -> digest(new Digest("SHA-256", 32, true, Encoding.BASE64), suffix, data, password);
            case "SSHA512" -> digest(new Digest("SHA-512", 64, true, Encoding.BASE64), suffix, data, password);
            default -> unknown(scheme);
        };
    }

    private static boolean crypt(String scheme, String data, byte[] password) {
        if (!CryptHashes.supports(data)) {
            // e.g. $2y$ (BLF-CRYPT) or $y$ (yescrypt) that the system crypt(3) may know
            String id = data.startsWith("$") ? data.substring(0, Math.max(1, data.indexOf('$', 1) + 1)) : "?";
            return unknown(scheme + " " + id);
        }
        return CryptHashes.verify(data, password);
    }

    private static boolean digest(Digest d, Encoding suffix, String data, byte[] password) {
        byte[] raw = decode(d, suffix, data);
        if (raw == null || (d.salted() ? raw.length <= d.length() : raw.length != d.length())) {
            return false;
        }
        MessageDigest md = messageDigest(d.algorithm());
        md.update(password);
        if (d.salted()) {
            // Dovecot's salted schemes: digest(password + salt) followed by the salt.
            md.update(raw, d.length(), raw.length - d.length());
        }
        byte[] expected = Arrays.copyOf(raw, d.length());
        return MessageDigest.isEqual(md.digest(), expected);
    }

    private static byte[] decode(Digest d, Encoding suffix, String data) {
        Encoding enc = suffix;
        if (enc == null) {
            // Dovecot guesses for fixed-length digests: hex when the length is exactly twice the
            // digest size, base64 otherwise. Salted values have no fixed length: default encoding.
            if (d.salted()) {
                enc = d.encoding();
            } else {
                enc = data.length() == d.length() * 2 ? Encoding.HEX : Encoding.BASE64;
            }
        }
        try {
            if (enc == Encoding.HEX) {
                return HexFormat.of().parseHex(data);
            }
            return Base64.getDecoder().decode(data.trim());
        } catch (IllegalArgumentException e) {
            if (suffix == null && enc == Encoding.HEX) {
                // As in Dovecot: a guessed hex that does not parse may still be base64.
                try {
                    return Base64.getDecoder().decode(data.trim());
                } catch (IllegalArgumentException e2) {
                    return null;
                }
            }
            return null;
        }
    }

    private static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JRE without " + algorithm, e); // every JRE has these
        }
    }

    private static boolean unknown(String scheme) {
        if (WARNED.add(scheme)) {
            LOG.warn("passwd-file: unsupported password scheme {}; users with it cannot log in", scheme);
        }
        return false;
    }
}
