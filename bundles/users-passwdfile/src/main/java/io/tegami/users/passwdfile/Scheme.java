package io.tegami.users.passwdfile;

/**
 * One Dovecot password scheme: how to hash a password into raw bytes and how to check one. The
 * text encoding of the raw bytes (hex, base64 or none) is {@link SchemeTable}'s business, as in
 * Dovecot's {@code password-scheme.c}.
 */
interface Scheme {

    /** How a scheme's raw bytes are written when the name has no {@code .HEX}/{@code .B64} suffix. */
    enum Encoding { NONE, HEX, BASE64 }

    /**
     * What generating or checking may need besides the password.
     *
     * @param user the user name, for DIGEST-MD5; null when unknown
     * @param rounds {@code doveadm pw -r}: the cost, 0 for the scheme's default
     */
    record Params(String user, int rounds) {
        static final Params NONE = new Params(null, 0);
    }

    /** The upper-case name ({@code SHA512-CRYPT}). */
    String name();

    /** The default encoding of the raw bytes. */
    Encoding encoding();

    /** The exact raw length for fixed-size digests, 0 when it varies (salted, crypt strings). */
    default int rawLength() {
        return 0;
    }

    /**
     * A new hash of {@code password} (UTF-8), with a fresh salt where the scheme has one.
     *
     * @throws IllegalArgumentException if the parameters do not suit the scheme (no user for DIGEST-MD5)
     */
    byte[] generate(byte[] password, Params params);

    /**
     * Checks {@code password} against raw stored bytes. The default regenerates and compares, which
     * suits unsalted schemes.
     *
     * @throws SchemeException if the stored bytes are not a valid value of this scheme
     */
    default boolean verify(byte[] password, Params params, byte[] raw) throws SchemeException {
        return java.security.MessageDigest.isEqual(generate(password, params), raw);
    }
}
