package io.tegami.users.passwdfile;

import java.util.Arrays;

/**
 * CRAM-MD5 (and its alias HMAC-MD5): Dovecot's stored HMAC-MD5 context, 32 bytes, hex by
 * default. It is the MD5 state after the outer pad block {@code key XOR 0x5c...} followed by the
 * state after the inner pad block {@code key XOR 0x36...}, each as four little-endian words
 * ({@code hmac_md5_get_cram_context()}); a key longer than 64 bytes is first replaced by its MD5,
 * as HMAC prescribes (RFC 2104). With it a server can answer CRAM-MD5 challenges without the
 * plaintext password, and so can Tegami's CRAM-MD5 mechanism.
 *
 * @param name CRAM-MD5 or HMAC-MD5
 */
record CramMd5Scheme(String name) implements Scheme {

    static final int CONTEXT_LENGTH = 32;

    @Override
    public Encoding encoding() {
        return Encoding.HEX;
    }

    @Override
    public int rawLength() {
        return CONTEXT_LENGTH;
    }

    @Override
    public byte[] generate(byte[] password, Params params) {
        return context(password);
    }

    /** The 32-byte HMAC-MD5 context of {@code key}. */
    static byte[] context(byte[] key) {
        byte[] k = key.length > 64 ? DigestScheme.messageDigest("MD5").digest(key) : key;
        byte[] inner = new byte[64];
        byte[] outer = new byte[64];
        for (int i = 0; i < 64; i++) {
            byte b = i < k.length ? k[i] : 0;
            inner[i] = (byte) (b ^ 0x36);
            outer[i] = (byte) (b ^ 0x5c);
        }
        byte[] out = new byte[CONTEXT_LENGTH];
        put(out, 0, Md5Compression.compress(Md5Compression.INITIAL, outer));
        put(out, 16, Md5Compression.compress(Md5Compression.INITIAL, inner));
        Arrays.fill(inner, (byte) 0);
        Arrays.fill(outer, (byte) 0);
        return out;
    }

    private static void put(byte[] out, int offset, int[] words) {
        for (int w = 0; w < 4; w++) {
            for (int i = 0; i < 4; i++) {
                out[offset + 4 * w + i] = (byte) (words[w] >>> (8 * i));
            }
        }
    }
}
