package io.tegami.auth.crammd5;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An HMAC-MD5 key in Dovecot's {@code {CRAM-MD5}} form: the MD5 states after the outer and inner
 * key blocks, 32 bytes written as 64 hex digits, each state as four little-endian words, outer
 * first (Dovecot's {@code hmac_md5_get_cram_context}). With it the server computes HMAC-MD5 of a
 * challenge without knowing the password.
 */
final class HmacMd5Context {

    private static final int IPAD = 0x36;
    private static final int OPAD = 0x5c;

    private final int[] outer;
    private final int[] inner;

    private HmacMd5Context(int[] outer, int[] inner) {
        this.outer = outer;
        this.inner = inner;
    }

    /** Reads a stored context: exactly 64 hex digits, either case. */
    static Optional<HmacMd5Context> parse(String hex) {
        if (hex == null || hex.length() != 64) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new HmacMd5Context(words(bytes, 0), words(bytes, 16)));
    }

    /** The context of a key (a password's UTF-8 bytes), as {@code doveadm pw -s CRAM-MD5} makes it. */
    static HmacMd5Context fromKey(byte[] key) {
        byte[] k = key.length > Md5.BLOCK ? Md5.create().update(key).digest() : key;
        byte[] ipad = new byte[Md5.BLOCK];
        byte[] opad = new byte[Md5.BLOCK];
        for (int i = 0; i < Md5.BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            ipad[i] = (byte) (b ^ IPAD);
            opad[i] = (byte) (b ^ OPAD);
        }
        HmacMd5Context context = new HmacMd5Context(Md5.create().update(opad).state(), Md5.create().update(ipad).state());
        Arrays.fill(ipad, (byte) 0);
        Arrays.fill(opad, (byte) 0);
        if (k != key) {
            Arrays.fill(k, (byte) 0);
        }
        return context;
    }

    /** HMAC-MD5 of {@code message} under this key (RFC 2104). */
    byte[] hmac(byte[] message) {
        byte[] innerDigest = Md5.resume(inner, Md5.BLOCK).update(message).digest();
        return Md5.resume(outer, Md5.BLOCK).update(innerDigest).digest();
    }

    /** The 64 hex digits Dovecot stores after {@code {CRAM-MD5}}. */
    String toHex() {
        byte[] bytes = new byte[32];
        put(bytes, 0, outer);
        put(bytes, 16, inner);
        return HexFormat.of().formatHex(bytes);
    }

    private static int[] words(byte[] bytes, int offset) {
        int[] w = new int[4];
        for (int i = 0; i < 4; i++) {
            int p = offset + 4 * i;
            w[i] = (bytes[p] & 0xff) | (bytes[p + 1] & 0xff) << 8 | (bytes[p + 2] & 0xff) << 16 | (bytes[p + 3] & 0xff) << 24;
        }
        return w;
    }

    private static void put(byte[] bytes, int offset, int[] w) {
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                bytes[offset + 4 * i + j] = (byte) (w[i] >>> (8 * j));
            }
        }
    }
}
