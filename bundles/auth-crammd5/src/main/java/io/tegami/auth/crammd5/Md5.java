package io.tegami.auth.crammd5;

/**
 * MD5 (RFC 1321) that can start from a saved state. The JDK's {@code MessageDigest} cannot import
 * a state, and that is exactly what Dovecot's {@code {CRAM-MD5}} credentials are: the MD5 states
 * after the HMAC key blocks (RFC 2104 section 4's precomputation). Not thread-safe; one per use.
 */
final class Md5 {

    static final int BLOCK = 64;

    /** The sine table: {@code floor(abs(sin(i + 1)) * 2^32)}, computed exactly as RFC 1321 says. */
    private static final int[] K = new int[64];
    private static final int[] SHIFT = {
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};

    static {
        for (int i = 0; i < 64; i++) {
            K[i] = (int) (long) Math.floor(Math.abs(StrictMath.sin(i + 1)) * 4294967296.0);
        }
    }

    private final int[] state = new int[4];
    private final byte[] buffer = new byte[BLOCK];
    private final int[] words = new int[16];
    private int buffered;
    private long length;

    /** A fresh MD5 with RFC 1321's initial state. */
    static Md5 create() {
        return new Md5(new int[] {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476}, 0);
    }

    /**
     * An MD5 resumed from a state.
     *
     * @param abcd the four state words
     * @param processed how many bytes that state has absorbed; a multiple of 64
     */
    static Md5 resume(int[] abcd, long processed) {
        if (abcd.length != 4 || processed % BLOCK != 0) {
            throw new IllegalArgumentException("an MD5 state is four words after whole blocks");
        }
        return new Md5(abcd.clone(), processed);
    }

    private Md5(int[] abcd, long processed) {
        System.arraycopy(abcd, 0, state, 0, 4);
        this.length = processed;
    }

    Md5 update(byte[] input) {
        return update(input, 0, input.length);
    }

    Md5 update(byte[] input, int offset, int count) {
        length += count;
        int i = offset;
        int end = offset + count;
        if (buffered > 0) {
            int n = Math.min(BLOCK - buffered, count);
            System.arraycopy(input, i, buffer, buffered, n);
            buffered += n;
            i += n;
            if (buffered < BLOCK) {
                return this;
            }
            compress(buffer, 0);
            buffered = 0;
        }
        for (; end - i >= BLOCK; i += BLOCK) {
            compress(input, i);
        }
        System.arraycopy(input, i, buffer, 0, end - i);
        buffered = end - i;
        return this;
    }

    /** The state words now; meaningful as a resumable state only after whole blocks. */
    int[] state() {
        if (buffered != 0) {
            throw new IllegalStateException("the state is resumable only after whole 64-byte blocks");
        }
        return state.clone();
    }

    /** Pads, finishes and returns the 16-byte digest. The object is spent afterwards. */
    byte[] digest() {
        long bits = length * 8;
        byte[] padding = new byte[(buffered < 56 ? 56 : 120) - buffered + 8];
        padding[0] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            padding[padding.length - 8 + i] = (byte) (bits >>> (8 * i));
        }
        update(padding);
        byte[] out = new byte[16];
        for (int w = 0; w < 4; w++) {
            for (int i = 0; i < 4; i++) {
                out[4 * w + i] = (byte) (state[w] >>> (8 * i));
            }
        }
        return out;
    }

    private void compress(byte[] block, int offset) {
        for (int i = 0; i < 16; i++) {
            int p = offset + 4 * i;
            words[i] = (block[p] & 0xff) | (block[p + 1] & 0xff) << 8 | (block[p + 2] & 0xff) << 16 | (block[p + 3] & 0xff) << 24;
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        for (int i = 0; i < 64; i++) {
            int f;
            int g;
            if (i < 16) {
                f = (b & c) | (~b & d);
                g = i;
            } else if (i < 32) {
                f = (d & b) | (~d & c);
                g = (5 * i + 1) & 15;
            } else if (i < 48) {
                f = b ^ c ^ d;
                g = (3 * i + 5) & 15;
            } else {
                f = c ^ (b | ~d);
                g = (7 * i) & 15;
            }
            int rotated = Integer.rotateLeft(a + f + K[i] + words[g], SHIFT[i]);
            a = d;
            d = c;
            c = b;
            b = b + rotated;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
    }
}
