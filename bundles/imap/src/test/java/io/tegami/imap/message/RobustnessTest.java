package io.tegami.imap.message;

import io.tegami.api.store.CrlfInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever bytes arrive, parsing gives a structure, formatting gives output, and every part's
 * sections stream exactly the announced number of octets, which add up to the message.
 */
class RobustnessTest {

    private static final String[] PIECES = {"\n", "\r\n", "\r", "--", "--b", "--b--", "--c", "--c--", " ", "\t", ":",
        "Content-Type: multipart/mixed; boundary=b\n", "Content-Type: multipart/digest; boundary=c\n",
        "Content-Type: message/rfc822\n", "Content-Type: text/plain; charset=\"utf-8\n", "MIME-Version: 1.0\n",
        "Subject: =?utf-8?q?x?=\n", "From: \"a\" <b@c>, (x\n", "\0", "\u00e9", "=?", "boundary=\"", "\n\n", "x"};

    @Test
    void randomMessagesNeverBreakAnything() throws IOException {
        Random r = new Random(20240317);
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(80);
            for (int i = 0; i < n; i++) {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
            }
            check(Corpus.utf8(sb.toString()));
        }
        byte[] noise = new byte[4096];
        for (int round = 0; round < 200; round++) {
            r.nextBytes(noise);
            check(noise);
        }
    }

    @Test
    void corpusPartsAddUp() throws IOException {
        for (byte[] b : Corpus.all().values()) {
            check(b);
        }
    }

    private static void check(byte[] message) throws IOException {
        MessageSource src = () -> new ByteArrayInputStream(message);
        MessageStructure m = MessageStructure.parse(src);
        byte[] crlf = new CrlfInputStream(new ByteArrayInputStream(message)).readAllBytes();
        assertEquals(crlf.length, m.size());
        BodyStructureFormatter.bodyStructure(m);
        BodyStructureFormatter.body(m);
        EnvelopeFormatter.format(m.envelope());
        List<MessagePart> parts = new ArrayList<>();
        collect(m.root(), parts);
        for (MessagePart p : parts) {
            assertTrue(p.headerOffset() <= p.bodyOffset() && p.bodyOffset() <= p.endOffset() && p.endOffset() <= m.size(),
                    p.toString());
            assertTrue(p.bodyLines() >= 0);
            for (MessagePart c : p.children()) {
                assertTrue(c.headerOffset() >= p.bodyOffset() && c.endOffset() <= p.endOffset(), c + " in " + p);
            }
            assertStreams(Section.range(src, p.headerOffset(), p.headerSize()), crlf, p.headerOffset());
            assertStreams(Section.range(src, p.bodyOffset(), p.bodySize()), crlf, p.bodyOffset());
        }
        SectionReader.read(src, m, SectionReaderTest.spec("HEADER.FIELDS (SUBJECT FROM)")).open().readAllBytes();
    }

    private static void assertStreams(Section s, byte[] crlf, long offset) throws IOException {
        try (InputStream in = s.open()) {
            byte[] b = in.readAllBytes();
            assertEquals(s.length(), b.length);
            for (int i = 0; i < b.length; i++) {
                byte expected = crlf[(int) offset + i] == 0 ? (byte) 0x80 : crlf[(int) offset + i];
                assertEquals(expected, b[i]);
            }
        }
    }

    private static void collect(MessagePart p, List<MessagePart> out) {
        out.add(p);
        for (MessagePart c : p.children()) {
            collect(c, out);
        }
    }
}
