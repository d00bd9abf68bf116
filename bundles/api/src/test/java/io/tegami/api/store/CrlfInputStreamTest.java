package io.tegami.api.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CrlfInputStreamTest {

    private static byte[] convert(String s, int chunk) throws IOException {
        InputStream in = new CrlfInputStream(new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1)));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[chunk];
        int r;
        while ((r = in.read(buf, 0, chunk)) >= 0) {
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }

    @Test
    void lfBecomesCrlfAndCrlfStays() throws IOException {
        for (int chunk : new int[] {1, 2, 3, 7, 8192}) {
            assertArrayEquals("a\r\nb\r\n\r\nc\rd\r\n".getBytes(StandardCharsets.ISO_8859_1),
                    convert("a\nb\r\n\nc\rd\n", chunk), "chunk " + chunk);
            assertArrayEquals("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), convert("\n\r\n", chunk));
        }
        InputStream in = new CrlfInputStream(new ByteArrayInputStream("x\ny".getBytes(StandardCharsets.US_ASCII)));
        assertEquals('x', in.read());
        assertEquals('\r', in.read());
        assertEquals(1, in.skip(1));
        assertEquals('y', in.read());
        assertEquals(-1, in.read());
    }

    /** The buffered conversion equals a byte-by-byte reference on random input, read any way. */
    @Test
    void randomInputMatchesReference() throws IOException {
        java.util.Random random = new java.util.Random(42);
        byte[] alphabet = {'a', '\n', '\r', 'b', 0};
        for (int round = 0; round < 300; round++) {
            byte[] in = new byte[random.nextInt(20_000)];
            for (int i = 0; i < in.length; i++) {
                in[i] = alphabet[random.nextInt(alphabet.length)];
            }
            java.io.ByteArrayOutputStream want = new java.io.ByteArrayOutputStream();
            int prev = -1;
            for (byte b : in) {
                if (b == '\n' && prev != '\r') {
                    want.write('\r');
                }
                want.write(b);
                prev = b;
            }
            int chunk = 1 + random.nextInt(round % 2 == 0 ? 5 : 20_000);
            String s = new String(in, StandardCharsets.ISO_8859_1);
            assertArrayEquals(want.toByteArray(), convert(s, chunk), "round " + round + " chunk " + chunk);
            InputStream mixed = new CrlfInputStream(new ByteArrayInputStream(in));
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[7];
            while (true) {
                if (random.nextBoolean()) {
                    int b = mixed.read();
                    if (b < 0) {
                        break;
                    }
                    got.write(b);
                } else {
                    int r = mixed.read(buf, 0, 1 + random.nextInt(buf.length));
                    if (r < 0) {
                        break;
                    }
                    got.write(buf, 0, r);
                }
            }
            assertArrayEquals(want.toByteArray(), got.toByteArray(), "mixed reads, round " + round);
        }
    }
}
