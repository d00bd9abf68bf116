package io.tegami.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The header/body split of the content stream, at any write boundaries. */
class HeaderCleanupTest {

    /** Marks each field it sees and adds "X-Added: yes" at the end. */
    private static final class Marking implements HeaderCleanup.Fields {
        final List<String> fields = new ArrayList<>();
        int ends;

        @Override
        public void field(byte[] field, int length, OutputStream out) throws IOException {
            String f = new String(field, 0, length, StandardCharsets.ISO_8859_1);
            fields.add(f);
            out.write(("[" + f + "]\n").getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void end(OutputStream out) throws IOException {
            ends++;
            out.write("X-Added: yes\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static String run(String input, int limit, int chunk, Marking fields) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HeaderCleanup cleanup = new HeaderCleanup(out, fields, limit);
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        Random random = new Random(chunk);
        for (int i = 0; i < bytes.length;) {
            int n = chunk == 1 ? 1 : Math.min(bytes.length - i, 1 + random.nextInt(chunk));
            if (n == 1) {
                cleanup.write(bytes[i]);
            } else {
                cleanup.write(bytes, i, n);
            }
            i += n;
        }
        cleanup.finish();
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void fieldsWithContinuationsThenBodyUntouched() throws IOException {
        String input = "Received: from x\n\tby y\nFrom: a@b.c\nSubject: hi\n\nFrom: not a header\n\nbody\n";
        for (int chunk : new int[] {1, 2, 3, 7, 64, 4096}) {
            Marking m = new Marking();
            assertEquals("[Received: from x\n\tby y]\n[From: a@b.c]\n[Subject: hi]\nX-Added: yes\n\nFrom: not a header\n\nbody\n",
                    run(input, 1000, chunk, m), "chunk " + chunk);
            assertEquals(3, m.fields.size());
            assertEquals(1, m.ends);
        }
    }

    @Test
    void aNonHeaderLineEndsTheHeaderAfterAnInsertedEmptyLine() throws IOException {
        Marking m = new Marking();
        assertEquals("[Subject: x]\nX-Added: yes\n\nthis is text\nmore\n", run("Subject: x\nthis is text\nmore\n", 1000, 5, m));
        assertEquals("X-Added: yes\n\ntest\n", run("test\n", 1000, 1, new Marking()));
        assertEquals("X-Added: yes\n\n From: x\n", run(" From: x\n", 1000, 1, new Marking()), "no field to continue");
    }

    @Test
    void headerOnlyMessagesGetTheirAdditionsWithoutAnEmptyLine() throws IOException {
        assertEquals("[Subject: x]\nX-Added: yes\n", run("Subject: x\n", 1000, 3, new Marking()));
        assertEquals("[Subject: no newline]\nX-Added: yes\n", run("Subject: no newline", 1000, 3, new Marking()));
        assertEquals("X-Added: yes\n", run("", 1000, 3, new Marking()));
    }

    @Test
    void obsoleteNameSpaceColonIsAHeaderAndCrlfIsTolerated() throws IOException {
        Marking m = new Marking();
        assertEquals("[Subject : x]\nX-Added: yes\n\nbody\r\n", run("Subject : x\n\r\nbody\r\n", 1000, 2, m));
    }

    @Test
    void aFieldKeepsAtMostHeaderSizeLimitBytes() throws IOException {
        String longLine = "X-Long: " + "x".repeat(500);
        String input = longLine + "\n\tcontinued " + "y".repeat(500) + "\n\tand more\nSubject: kept\n\nbody " + "z".repeat(5000) + "\n";
        Marking m = new Marking();
        String out = run(input, 100, 13, m);
        assertEquals(2, m.fields.size());
        assertEquals(100, m.fields.get(0).length(), "the excess of a long field is discarded");
        assertEquals("Subject: kept", m.fields.get(1));
        assertTrue(out.endsWith("\nbody " + "z".repeat(5000) + "\n"), "the body is never cut");
    }
}
