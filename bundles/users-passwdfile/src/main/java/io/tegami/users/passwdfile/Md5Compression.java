package io.tegami.users.passwdfile;

/**
 * The MD5 compression function (RFC 1321, section 3.4) on one 64-byte block. CRAM-MD5's stored
 * credential is the MD5 state after one block, which {@link java.security.MessageDigest} cannot
 * export, hence this small implementation.
 */
final class Md5Compression {

    /** MD5's initial state A, B, C, D. */
    static final int[] INITIAL = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};

    /** T[i] = floor(2^32 * abs(sin(i + 1))). */
    private static final int[] T = {
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
    };
    private static final int[] SHIFT = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};

    private Md5Compression() {
    }

    /** The state after compressing {@code block} (64 bytes) into {@code state}; neither is changed. */
    static int[] compress(int[] state, byte[] block) {
        if (block.length != 64 || state.length != 4) {
            throw new IllegalArgumentException("MD5 works on 64-byte blocks and a 4-word state");
        }
        int[] x = new int[16];
        for (int i = 0; i < 16; i++) {
            x[i] = (block[4 * i] & 0xff) | (block[4 * i + 1] & 0xff) << 8
                    | (block[4 * i + 2] & 0xff) << 16 | (block[4 * i + 3] & 0xff) << 24;
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        for (int i = 0; i < 64; i++) {
            int f;
            int g;
            switch (i / 16) {
                case 0 -> {
                    f = (b & c) | (~b & d);
                    g = i;
                }
                case 1 -> {
                    f = (d & b) | (~d & c);
                    g = (5 * i + 1) % 16;
                }
                case 2 -> {
                    f = b ^ c ^ d;
                    g = (3 * i + 5) % 16;
                }
                default -> {
                    f = c ^ (b | ~d);
                    g = (7 * i) % 16;
                }
            }
            int next = b + Integer.rotateLeft(a + f + T[i] + x[g], SHIFT[(i / 16) * 4 + i % 4]);
            a = d;
            d = c;
            c = b;
            b = next;
        }
        return new int[] {state[0] + a, state[1] + b, state[2] + c, state[3] + d};
    }
}
