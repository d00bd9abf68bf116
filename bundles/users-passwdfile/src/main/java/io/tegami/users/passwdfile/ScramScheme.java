package io.tegami.users.passwdfile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * SCRAM-SHA-1 and SCRAM-SHA-256 credentials (RFC 5802, RFC 7677) as Dovecot stores them:
 * {@code <iterations>,<salt>,<StoredKey>,<ServerKey>}, base64 fields, 4096 iterations and a
 * 16-byte salt when generated. A password is checked by deriving StoredKey again.
 *
 * @param name the scheme name
 * @param sha256 true for SCRAM-SHA-256
 */
record ScramScheme(String name, boolean sha256) implements Scheme {

    private static final int ITERATIONS = 4096;
    private static final int SALT_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Encoding encoding() {
        return Encoding.NONE;
    }

    @Override
    public byte[] generate(byte[] password, Params params) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        byte[] salted = Pbkdf2Scheme.pbkdf2(digest(), password, salt, ITERATIONS, length());
        byte[] storedKey = hash(hmac(salted, "Client Key"));
        byte[] serverKey = hmac(salted, "Server Key");
        Base64.Encoder b64 = Base64.getEncoder();
        String text = ITERATIONS + "," + b64.encodeToString(salt) + "," + b64.encodeToString(storedKey) + ","
                + b64.encodeToString(serverKey);
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean verify(byte[] password, Params params, byte[] raw) throws SchemeException {
        String[] fields = new String(raw, StandardCharsets.ISO_8859_1).split(",", -1);
        int iterations;
        byte[] salt;
        byte[] storedKey;
        try {
            if (fields.length != 4) {
                throw new IllegalArgumentException();
            }
            iterations = Integer.parseInt(fields[0]);
            salt = Base64.getDecoder().decode(fields[1]);
            storedKey = Base64.getDecoder().decode(fields[2]);
        } catch (IllegalArgumentException e) {
            throw new SchemeException("Invalid " + name + " passdb entry format");
        }
        if (iterations < 1 || storedKey.length != length()) {
            throw new SchemeException("Invalid " + name + " passdb entry format");
        }
        byte[] salted = Pbkdf2Scheme.pbkdf2(digest(), password, salt, iterations, length());
        return MessageDigest.isEqual(hash(hmac(salted, "Client Key")), storedKey);
    }

    private int length() {
        return sha256 ? 32 : 20;
    }

    private Digest digest() {
        return sha256 ? new SHA256Digest() : new SHA1Digest();
    }

    private byte[] hash(byte[] data) {
        return DigestScheme.messageDigest(sha256 ? "SHA-256" : "SHA-1").digest(data);
    }

    private byte[] hmac(byte[] key, String text) {
        String algorithm = sha256 ? "HmacSHA256" : "HmacSHA1";
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JRE without " + algorithm, e);
        }
    }
}
