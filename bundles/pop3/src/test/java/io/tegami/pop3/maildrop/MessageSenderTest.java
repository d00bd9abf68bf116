package io.tegami.pop3.maildrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.tegami.api.net.testing.FakeConnection;

/** Byte-stuffing, TOP's line counting, the final CRLF, the workarounds and streaming. */
class MessageSenderTest {

    private static String send(String message, long lines) throws IOException {
        return send(message, lines, false, false);
    }

    private static String send(String message, long lines, boolean noNuls, boolean eoh) throws IOException {
        FakeConnection c = new FakeConnection("pop3", 110).decoding(StandardCharsets.ISO_8859_1);
        long n = new MessageSender(c, noNuls, eoh).send(
                new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)), lines);
        String out = c.take();
        assertEquals(out.length(), n, "the count is what was sent");
        return out;
    }

    @Test
    void linesBeginningWithADotAreStuffed() throws IOException {
        assertEquals("..a\r\nb.c\r\n..\r\n...\r\n\r\n..x\r\n", send(".a\r\nb.c\r\n.\r\n..\r\n\r\n.x\r\n", -1));
    }

    @Test
    void unstuffedTextIsSentUnchanged() throws IOException {
        String m = "Subject: x\r\n\r\nbody with . and .. inside\r\n";
        assertEquals(m, send(m, -1));
    }

    @Test
    void missingFinalCrlfIsAdded() throws IOException {
        assertEquals("Subject: x\r\n\r\nno end\r\n", send("Subject: x\r\n\r\nno end", -1));
        assertEquals("", send("", -1), "an empty message stays empty");
    }

    @Test
    void topSendsTheHeaderAndNBodyLines() throws IOException {
        String m = "A: 1\r\nB: 2\r\n\r\nl1\r\n.l2\r\nl3\r\n";
        assertEquals("A: 1\r\nB: 2\r\n\r\n", send(m, 0));
        assertEquals("A: 1\r\nB: 2\r\n\r\nl1\r\n", send(m, 1));
        assertEquals("A: 1\r\nB: 2\r\n\r\nl1\r\n..l2\r\n", send(m, 2));
        assertEquals("A: 1\r\nB: 2\r\n\r\nl1\r\n..l2\r\nl3\r\n", send(m, 3));
        assertEquals("A: 1\r\nB: 2\r\n\r\nl1\r\n..l2\r\nl3\r\n", send(m, 99));
        assertEquals("A: 1\r\nB: 2\r\n", send("A: 1\r\nB: 2\r\n", 0), "a message without a body");
    }

    @Test
    void workaroundsOnlyWhenConfigured() throws IOException {
        assertEquals("a\0b\r\n", send("a\0b\r\n", -1));
        assertEquals("a\u0080b\r\n", send("a\0b\r\n", -1, true, false));
        assertEquals("A: 1\r\n", send("A: 1\r\n", -1));
        assertEquals("A: 1\r\n\r\n", send("A: 1\r\n", -1, false, true));
    }

    @Test
    void octetCountOfTheStoreMatchesWhatIsSentWithoutStuffing() throws IOException {
        String m = "Subject: x\r\n\r\n.one\r\ntwo\r\n.\r\n";
        String sent = send(m, -1);
        assertEquals(m.length() + 2, sent.length(), "two stuffed dots");
        assertEquals(m, sent.replace("\n..", "\n.").replaceFirst("^\\.\\.", "."));
    }

    @Test
    void largeMessagesAreStreamedInChunks() throws IOException {
        long size = 3L * 1024 * 1024;
        InputStream big = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                left--;
                return left % 100 == 0 ? '\n' : left % 100 == 1 ? '\r' : left % 100 == 99 ? '.' : 'x';
            }
        };
        FakeConnection c = new FakeConnection("pop3", 110).decoding(StandardCharsets.ISO_8859_1);
        long n = new MessageSender(c, false, false).send(big, -1);
        assertTrue(c.writes() > 100, "many writes: " + c.writes());
        assertTrue(c.largestWrite() <= MessageSender.CHUNK, "never more than a chunk at once");
        assertTrue(n > size, "the stuffed dots are counted");
    }
}
