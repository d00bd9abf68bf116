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
}
