package io.tegami.users.passwdfile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.apache.commons.codec.digest.Md5Crypt;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.apache.commons.codec.digest.UnixCrypt;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * crypt(3) strings as Dovecot reads and writes them: SHA512-CRYPT ({@code $6$}), SHA256-CRYPT
 * ({@code $5$}), MD5-CRYPT ({@code $1$}), bcrypt ({@code $2y$}, also {@code $2a$}/{@code $2b$})
 * and traditional DES crypt. Hashing follows the string's own prefix, as glibc's crypt() does
 * for Dovecot, so any of them verifies under any CRYPT-family scheme name.
 */
final class CryptHashes {

    /** The salt alphabet of crypt(3) and of Dovecot's password_generate_salt(). */
    private static final String SALT_CHARS =
            "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern DES = Pattern.compile("[./0-9A-Za-z]{13}");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[a-z]\\$.*");
    /** Dovecot's limits and defaults (password-scheme-crypt.c). */
    static final int SHA2_ROUNDS_DEFAULT = 5000;
    private static final int SHA2_ROUNDS_MIN = 1000;
    private static final int SHA2_ROUNDS_MAX = 999_999_999;
    private static final int SHA2_SALT_LENGTH = 16;
    static final int BLF_COST_DEFAULT = 5;
    private static final int BLF_COST_MIN = 4;
    private static final int BLF_COST_MAX = 31;
    /** "$2y$05$" plus 22 salt characters. */
    private static final int BLF_PREFIX_LENGTH = 29;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CryptHashes() {
    }

    /** Whether {@code crypted} looks like bcrypt ({@code $2?$}), which Dovecot hands to its own code. */
    static boolean isBcrypt(String crypted) {
        return BCRYPT.matcher(crypted).matches();
    }

    /**
     * Checks a password against a crypt string of any supported kind.
     *
     * @throws SchemeException for a kind this class does not know (yescrypt {@code $y$}, say)
     */
    static boolean verify(String crypted, byte[] password) throws SchemeException {
        if (crypted.isEmpty()) {
            return false; // crypt("", "") would "match"; Dovecot refuses it too
        }
        if (isBcrypt(crypted)) {
            return verifyBcrypt(crypted, password);
        }
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
                throw new SchemeException("crypt() failed: unsupported hash type " + prefix(crypted));
            }
        } catch (IllegalArgumentException e) {
            return false; // a malformed salt: it cannot be the one this password was hashed with
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                crypted.getBytes(StandardCharsets.US_ASCII));
    }

    /** BLF-CRYPT's own check, stricter than CRYPT's: only bcrypt strings are valid. */
    static boolean verifyBcrypt(String crypted, byte[] password) throws SchemeException {
        if (crypted.isEmpty()) {
            return false;
        }
        if (crypted.length() < BLF_PREFIX_LENGTH + 1 || !isBcrypt(crypted)) {
            throw new SchemeException("Password is not blowfish password");
        }
        try {
            // Like crypt_blowfish, Bouncy Castle uses the first 72 bytes of the password.
            return OpenBSDBCrypt.checkPassword(crypted, password);
        } catch (RuntimeException e) {
            // $2x$, a bad cost or a truncated hash: Bouncy Castle throws
            throw new SchemeException("Password is not blowfish password");
        }
    }

    /** A new SHA512-CRYPT string ({@code $6$salt$hash}, or {@code $6$rounds=N$...} if not 5000). */
    static String sha512Crypt(byte[] password, int rounds) {
        return Sha2Crypt.sha512Crypt(password.clone(), sha2Salt("$6$", rounds)); // codec zeroes its argument
    }

    /** A new SHA256-CRYPT string. */
    static String sha256Crypt(byte[] password, int rounds) {
        return Sha2Crypt.sha256Crypt(password.clone(), sha2Salt("$5$", rounds));
    }

    /** A new MD5-CRYPT string with an 8-character salt. */
    static String md5Crypt(byte[] password) {
        return Md5Crypt.md5Crypt(password.clone(), "$1$" + randomSalt(8));
    }

    /** A new traditional DES crypt string (2-character salt; only the first 8 bytes count). */
    static String desCrypt(byte[] password) {
        return UnixCrypt.crypt(password.clone(), randomSalt(2));
    }

    /** A new bcrypt string, {@code $2y$}, cost (log2 rounds) 5 unless given, like doveadm pw. */
    static String bcrypt(byte[] password, int cost) {
        int c = cost == 0 ? BLF_COST_DEFAULT : Math.max(BLF_COST_MIN, Math.min(BLF_COST_MAX, cost));
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        // Bouncy Castle insists on at most 72 bytes; crypt_blowfish silently uses the first 72.
        byte[] key = password.length > 72 ? Arrays.copyOf(password, 72) : password;
        return OpenBSDBCrypt.generate("2y", key, salt, c);
    }

    private static String sha2Salt(String id, int rounds) {
        int r = rounds == 0 ? SHA2_ROUNDS_DEFAULT : Math.max(SHA2_ROUNDS_MIN, Math.min(SHA2_ROUNDS_MAX, rounds));
        String salt = randomSalt(SHA2_SALT_LENGTH);
        return r == SHA2_ROUNDS_DEFAULT ? id + salt : id + "rounds=" + r + "$" + salt;
    }

    private static String prefix(String crypted) {
        if (!crypted.startsWith("$")) {
            return "'" + crypted.charAt(0) + "...'";
        }
        int end = crypted.indexOf('$', 1);
        return end < 0 ? "'$...'" : crypted.substring(0, end + 1);
    }

    static String randomSalt(int length) {
        StringBuilder salt = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            salt.append(SALT_CHARS.charAt(RANDOM.nextInt(SALT_CHARS.length())));
        }
        return salt.toString();
    }
}
