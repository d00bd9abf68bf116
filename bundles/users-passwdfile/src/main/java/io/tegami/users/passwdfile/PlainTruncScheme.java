package io.tegami.users.passwdfile;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * PLAIN-TRUNC: {@code <length>-<password>}, a plaintext password that some other system stored
 * truncated to {@code length} bytes; a longer password whose prefix matches is accepted. Generated
 * values are plain passwords, as in Dovecot.
 */
final class PlainTruncScheme implements Scheme {

    @Override
    public String name() {
        return "PLAIN-TRUNC";
    }

    @Override
    public Encoding encoding() {
        return Encoding.NONE;
    }

    @Override
    public byte[] generate(byte[] password, Params params) {
        return password.clone();
    }

    @Override
    public boolean verify(byte[] password, Params params, byte[] raw) throws SchemeException {
        int i = 0;
        long truncLength = 0;
        while (i < raw.length && raw[i] >= '0' && raw[i] <= '9') {
            truncLength = Math.min(Integer.MAX_VALUE, truncLength * 10 + raw[i] - '0');
            i++;
        }
        if (i == raw.length || raw[i] != '-') {
            throw new SchemeException("PLAIN-TRUNC missing length: prefix");
        }
        byte[] stored = Arrays.copyOfRange(raw, i + 1, raw.length);
        if (stored.length == truncLength && password.length >= truncLength) {
            return MessageDigest.isEqual(stored, Arrays.copyOf(password, stored.length));
        }
        return MessageDigest.isEqual(stored, password);
    }
}
