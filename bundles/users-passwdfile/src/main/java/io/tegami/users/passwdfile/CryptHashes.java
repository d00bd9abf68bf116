package io.tegami.users.passwdfile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.apache.commons.codec.digest.Md5Crypt;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.apache.commons.codec.digest.UnixCrypt;

/**
 * crypt(3) hashes as Dovecot's CRYPT family reads them: SHA512-CRYPT ({@code $6$}), SHA256-CRYPT
 * ({@code $5$}), MD5-CRYPT ({@code $1$}) and traditional DES crypt; and SHA512-CRYPT generation
 * for new passwords.
 */
final class CryptHashes {

    /** The salt alphabet of crypt(3) and of Dovecot's password_generate_salt(). */
    private static final String SALT_CHARS =
            "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern DES = Pattern.compile("[./0-9A-Za-z]{13}");
    /** glibc and Dovecot's doveadm pw use 16 salt characters for $6$. */
    private static final int SHA512_SALT_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CryptHashes() {
    }

    /** Whether this module can check the given crypt string (by its {@code $id$} prefix). */
    static boolean supports(String crypted) {
        return crypted.startsWith("$6$") || crypted.startsWith("$5$") || crypted.startsWith("$1$")
                || DES.matcher(crypted).matches();
    }

    /**
     * Checks a password against a crypt string.
     *
     * @return false for a mismatch and for a string this class cannot read (see {@link #supports})
     */
    static boolean verify(String crypted, byte[] password) {
        String computed;
        // commons-codec zeroes the key array it is given: hand it a copy, the caller still needs it.
        byte[] key = password.clone();
        try {
            if (crypted.startsWith("$6$")) {
                // The whole stored hash is a valid salt argument: codec reads "$6$[rounds=N$]salt".
                computed = Sha2Crypt.sha512Crypt(key, crypted);
            } else if (crypted.startsWith("$5$")) {
                computed = Sha2Crypt.sha256Crypt(key, crypted);
            } else if (crypted.startsWith("$1$")) {
                computed = Md5Crypt.md5Crypt(key, crypted);
            } else if (DES.matcher(crypted).matches()) {
                computed = UnixCrypt.crypt(key, crypted.substring(0, 2));
            } else {
                return false;
            }
        } catch (IllegalArgumentException e) {
            return false; // malformed salt
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                crypted.getBytes(StandardCharsets.US_ASCII));
    }

    /** A new SHA512-CRYPT hash ({@code $6$salt$hash}, 5000 rounds, like {@code doveadm pw}). */
    static String sha512Crypt(byte[] password) {
        return sha512Crypt(password, randomSalt(SHA512_SALT_LENGTH));
    }

    /** SHA512-CRYPT with a given salt (tests reproduce known vectors with it). */
    static String sha512Crypt(byte[] password, String salt) {
        return Sha2Crypt.sha512Crypt(password.clone(), "$6$" + salt); // codec zeroes its argument
    }

    private static String randomSalt(int length) {
        StringBuilder salt = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            salt.append(SALT_CHARS.charAt(RANDOM.nextInt(SALT_CHARS.length())));
        }
        return salt.toString();
    }
}
