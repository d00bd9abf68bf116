package io.tegami.users.passwdfile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * Plain and salted message digests: SHA, SHA1, SHA256, SHA512, PLAIN-MD5, LDAP-MD5, PLAIN-MD4
 * ({@code digest(password)}) and SMD5, SSHA, SSHA256, SSHA512 ({@code digest(password + salt)}
 * followed by the salt, a 4-byte salt when generated, as Dovecot does).
 *
 * @param name the scheme name
 * @param algorithm the JCA digest name, or {@code MD4} (from Bouncy Castle: the JDK has none)
 * @param length the digest size in bytes
 * @param salted whether a salt follows the digest
 * @param encoding the default encoding
 */
record DigestScheme(String name, String algorithm, int length, boolean salted, Encoding encoding) implements Scheme {

    private static final int SALT_LENGTH = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    static DigestScheme plain(String name, String algorithm, int length, Encoding encoding) {
        return new DigestScheme(name, algorithm, length, false, encoding);
    }

    static DigestScheme salted(String name, String algorithm, int length) {
        return new DigestScheme(name, algorithm, length, true, Encoding.BASE64);
    }

    @Override
    public int rawLength() {
        return salted ? 0 : length;
    }

    @Override
    public byte[] generate(byte[] password, Params params) {
        if (!salted) {
            return digest(password, new byte[0]);
        }
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return concat(digest(password, salt), salt);
    }

    @Override
    public boolean verify(byte[] password, Params params, byte[] raw) throws SchemeException {
        if (!salted) {
            return MessageDigest.isEqual(digest(password, new byte[0]), raw);
        }
        if (raw.length <= length) {
            throw new SchemeException(name + " password is too short");
        }
        byte[] salt = Arrays.copyOfRange(raw, length, raw.length);
        return MessageDigest.isEqual(digest(password, salt), Arrays.copyOf(raw, length));
    }

    private byte[] digest(byte[] password, byte[] salt) {
        if (algorithm.equals("MD4")) {
            Digest md4 = new MD4Digest();
            md4.update(password, 0, password.length);
            md4.update(salt, 0, salt.length);
            byte[] out = new byte[md4.getDigestSize()];
            md4.doFinal(out, 0);
            return out;
        }
        MessageDigest md = messageDigest(algorithm);
        md.update(password);
        md.update(salt);
        return md.digest();
    }

    static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JRE without " + algorithm, e); // every JRE has MD5 and SHA-*
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
