package io.tegami.store.mbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MboxrdQuotingTest {

    private static String quote(String in, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QuotingOutputStream q = new QuotingOutputStream(out);
        byte[] b = in.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i += chunk) {
            q.write(b, i, Math.min(chunk, b.length - i));
        }
        q.finishContent();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String unquote(String in, int chunk) throws IOException {
        InputStream u = new UnquotingInputStream(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[chunk];
        int n;
        while ((n = u.read(buf)) > 0) {
            out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quotesFromLinesAtEveryDepth() throws IOException {
        String body = "From here\n>From there\n>>From afar\nFrom\nFromage\n >From x\nx From y\n>>>Fro\nFrom ";
        String quoted = quote(body, 1000);
        assertEquals(">From here\n>>From there\n>>>From afar\nFrom\nFromage\n >From x\nx From y\n>>>Fro\n>From ", quoted);
    }

    @Test
    void roundTripAtAwkwardSplits() throws IOException {
        String body = "From a\n>From b\n>>From c\n>>>>>>>From deep\nplain\n>not from\n>Fro\n\nFrom end";
        for (int chunk = 1; chunk <= 9; chunk++) {
            String quoted = quote(body, chunk);
            assertEquals(quote(body, 1000), quoted, "chunk " + chunk);
            for (int rchunk = 1; rchunk <= 9; rchunk++) {
                assertEquals(body, unquote(quoted, rchunk), "chunks " + chunk + "/" + rchunk);
            }
        }
    }

    @Test
    void crlfIsStoredAsLfAndLoneCrKept() throws IOException {
        assertEquals("a\nb\r c\n>From x\n", quote("a\r\nb\r c\r\nFrom x\r\n", 1));
        assertEquals("end\r", quote("end\r", 3));
    }

    @Test
    void unquoteLeavesUnquotedFromAlone() throws IOException {
        // mboxcl2 bodies (Dovecot's own) may hold unquoted From lines: they stay as they are.
        assertEquals("From x\nFrom y\n", unquote("From x\nFrom y\n", 4));
        assertEquals("a\n>>x\n", unquote("a\n>>x\n", 2));
    }

    @Test
    void countsWhatItWrites() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QuotingOutputStream q = new QuotingOutputStream(out);
        q.write("From a\nb\n".getBytes(StandardCharsets.US_ASCII));
        q.finishContent();
        assertEquals(out.size(), q.written());
        assertEquals(1, q.quoted());
        assertEquals(2, q.lines());
        assertTrue(q.endsWithNewline());
    }
}
