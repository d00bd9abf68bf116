package io.tegami.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DotStufferTest {

    @Test
    void lineEndingsBecomeCrlfAndLeadingDotsAreDoubled() throws IOException {
        assertEquals("Subject: x\r\n\r\n..hidden\r\na.b\r\n...\r\n.\r\n", stuff("Subject: x\n\n.hidden\na.b\n..\n"));
    }

    @Test
    void aMissingLastLineEndingIsAdded() throws IOException {
        assertEquals("no newline\r\n.\r\n", stuff("no newline"));
        assertEquals(".\r\n", stuff(""));
        assertEquals("..\r\n.\r\n", stuff("."));
    }

    @Test
    void existingCrlfIsNotDoubled() throws IOException {
        assertEquals("a\r\nb\r\n.\r\n", stuff("a\r\nb\r\n"));
    }

    @Test
    void dotsAtChunkBoundariesAreStuffed() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append(".line ").append(i).append('\n');
        }
        String out = stuff(sb.toString());
        assertEquals(20_000, out.split("\r\n\\.\\.line", -1).length, "every line starts with a doubled dot");
        assertEquals(sb.length() + 20_000 * 2 + 3, out.length());
    }

    @Test
    void bigContentStreamsThroughAFixedBuffer() throws IOException {
        long size = 50L * 1024 * 1024;
        InputStream endless = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? (left % 80 == 0 ? '\n' : 'x') : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = 0;
                while (n < len && left > 0) {
                    b[off + n++] = (byte) (--left % 80 == 0 ? '\n' : 'x');
                }
                return n == 0 ? -1 : n;
            }
        };
        long[] written = {0};
        OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                written[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                written[0] += len;
            }
        };
        assertEquals(size, DotStuffer.copy(endless, counter));
        assertEquals(size + size / 80 + 3, written[0]);
    }

    @Test
    void aContentReadErrorIsToldApartFromANetworkError() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk");
            }
        };
        assertThrows(DotStuffer.ContentException.class, () -> DotStuffer.copy(failing, new ByteArrayOutputStream()));
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("reset");
            }
        };
        IOException e = assertThrows(IOException.class, () -> DotStuffer.copy(
                new ByteArrayInputStream("x\n".getBytes(StandardCharsets.UTF_8)), broken));
        assertEquals(IOException.class, e.getClass());
    }

    private static String stuff(String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DotStuffer.copy(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
