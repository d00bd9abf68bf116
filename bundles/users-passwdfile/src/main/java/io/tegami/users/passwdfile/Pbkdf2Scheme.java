package io.tegami.users.passwdfile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Dovecot's PBKDF2: {@code $1$<salt>$<rounds>$<hex key>}, PBKDF2-HMAC-SHA1 with a 20-byte key; the
 * salt is 16 crypt(3) characters, used as they are written (not decoded), 5000 rounds unless
 * {@code doveadm pw -r} says otherwise.
 */
final class Pbkdf2Scheme implements Scheme {

    private static final int KEY_LENGTH = 20;
    private static final int SALT_LENGTH = 16;
    private static final int ROUNDS_DEFAULT = 5000;

    @Override
    public String name() {
        return "PBKDF2";
    }

    @Override
    public Encoding encoding() {
        return Encoding.NONE;
    }

    @Override
    public byte[] generate(byte[] password, Params params) {
        int rounds = params.rounds() == 0 ? ROUNDS_DEFAULT : params.rounds();
        String salt = CryptHashes.randomSalt(SALT_LENGTH);
        byte[] key = pbkdf2(new SHA1Digest(), password, salt.getBytes(StandardCharsets.US_ASCII), rounds, KEY_LENGTH);
        return ("$1$" + salt + "$" + rounds + "$" + HexFormat.of().formatHex(key)).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean verify(byte[] password, Params params, byte[] raw) throws SchemeException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("$1$")) {
            throw new SchemeException("Invalid PBKDF2 passdb entry prefix");
        }
        String[] fields = text.substring(3).split("\\$", -1);
        int rounds;
        try {
            rounds = fields.length == 3 ? Integer.parseInt(fields[1]) : -1;
        } catch (NumberFormatException e) {
            rounds = -1;
        }
        if (rounds < 1) {
            throw new SchemeException("Invalid PBKDF2 passdb entry format");
        }
        byte[] expected;
        try {
            if (fields[2].length() != KEY_LENGTH * 2) {
                throw new IllegalArgumentException();
            }
            expected = HexFormat.of().parseHex(fields[2]);
        } catch (IllegalArgumentException e) {
            throw new SchemeException("PBKDF2 hash not 160bit hex-encoded");
        }
        byte[] actual = pbkdf2(new SHA1Digest(), password, fields[0].getBytes(StandardCharsets.ISO_8859_1), rounds,
                KEY_LENGTH);
        return MessageDigest.isEqual(actual, expected);
    }

    /** PBKDF2 with HMAC over {@code digest} ({@link SHA1Digest}, {@link SHA256Digest}...). */
    static byte[] pbkdf2(Digest digest, byte[] password, byte[] salt, int rounds, int length) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(digest);
        generator.init(password, salt, rounds);
        return ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
    }
}
