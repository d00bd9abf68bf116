package io.tegami.imap.message;

import io.tegami.api.store.CrlfInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * FETCH BODY[section]&lt;partial&gt; octets. The expected octets are Dovecot 2.3.19's for the same
 * messages (compared byte for byte over the corpus); everything is CRLF and the announced length
 * always equals what is streamed.
 */
class SectionReaderTest {

    /** Parses "1.2.HEADER.FIELDS (A B)" and the like. */
    static SectionSpec spec(String section) {
        List<Integer> part = new ArrayList<>();
        String rest = section;
        while (!rest.isEmpty() && Character.isDigit(rest.charAt(0))) {
            int dot = rest.indexOf('.');
            part.add(Integer.parseInt(dot < 0 ? rest : rest.substring(0, dot)));
            rest = dot < 0 ? "" : rest.substring(dot + 1);
        }
        List<String> fields = List.of();
        SectionSpec.Text text;
        if (rest.isEmpty()) {
            text = SectionSpec.Text.ALL;
        } else if (rest.startsWith("HEADER.FIELDS")) {
            text = rest.startsWith("HEADER.FIELDS.NOT") ? SectionSpec.Text.HEADER_FIELDS_NOT : SectionSpec.Text.HEADER_FIELDS;
            fields = Arrays.asList(rest.substring(rest.indexOf('(') + 1, rest.indexOf(')')).split(" "));
        } else {
            text = SectionSpec.Text.valueOf(rest);
        }
        return new SectionSpec(part, text, fields, -1, 0);
    }

    static String fetch(String message, String section) throws IOException {
        return fetch(Corpus.source(message), spec(section));
    }

    static String fetch(MessageSource source, SectionSpec spec) throws IOException {
        MessageStructure m = MessageStructure.parse(source);
        Section s = SectionReader.read(source, m, spec);
        byte[] b;
        try (InputStream in = s.open()) {
            b = in.readAllBytes();
        }
        assertEquals(s.length(), b.length, "announced length of " + spec);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void wholeHeaderAndText() throws IOException {
        String msg = "Subject: hi\nFrom: a@b\n\nline 1\nline 2\n";
        assertEquals("Subject: hi\r\nFrom: a@b\r\n\r\nline 1\r\nline 2\r\n", fetch(msg, ""));
        assertEquals("Subject: hi\r\nFrom: a@b\r\n\r\n", fetch(msg, "HEADER"));
        assertEquals("line 1\r\nline 2\r\n", fetch(msg, "TEXT"));
        // A non-multipart message has only part 1: its body; 1.MIME is its header (Dovecot).
        assertEquals("line 1\r\nline 2\r\n", fetch(msg, "1"));
        assertEquals("Subject: hi\r\nFrom: a@b\r\n\r\n", fetch(msg, "1.MIME"));
        assertEquals("", fetch(msg, "2"));
        assertEquals("", fetch(msg, "1.1"));
        assertEquals("", fetch(msg, "1.HEADER"));
    }

    @Test
    void headerFieldsKeepFoldingAndEndWithAnEmptyLine() throws IOException {
        assertEquals("SUBJECT: a subject\r\n that is folded\r\nfrom: Folded <folded@example.com>\r\n\r\n",
                fetch(Corpus.FOLDED, "HEADER.FIELDS (From Subject)"));
        assertEquals("Received: from mx.example.com (mx.example.com [192.0.2.1])\r\n"
                + "\tby mail.example.net with ESMTP id 123\r\n"
                + "\tfor <bob@example.net>; Sun, 17 Mar 2024 11:00:00 +0100\r\n"
                + "X-Spam-Status: No, score=-1.0\r\nx-spam-status: second one\r\n\r\n",
                fetch(Corpus.FOLDED, "HEADER.FIELDS (RECEIVED X-SPAM-STATUS)"));
        assertEquals("To: bob@example.net\r\nMessage-Id: <folded-9@example.com>\r\n\r\n",
                fetch(Corpus.FOLDED, "HEADER.FIELDS.NOT (Received Subject From X-Spam-Status)"));
        assertEquals("\r\n", fetch(Corpus.FOLDED, "HEADER.FIELDS (X-None)"));
    }

    @Test
    void headerFieldsOfAHeaderWithoutEmptyLine() throws IOException {
        assertEquals("X-Folded: one\r\n\ttwo\r\n\r\n", fetch(Corpus.HEADER_ONLY, "HEADER.FIELDS (X-FOLDED)"));
        assertEquals("X-Empty:\r\n\r\n", fetch(Corpus.HEADER_ONLY, "HEADER.FIELDS (x-empty)"));
        // Only the message's own HEADER.FIELDS gets the missing CRLF and empty line (Dovecot).
        assertEquals("X-Empty:\r\nX-Folded: one\r\n\ttwo", fetch(Corpus.HEADER_ONLY, "HEADER.FIELDS.NOT (SUBJECT)"));
        assertEquals("Subject: header only\r\nX-Empty:\r\nX-Folded: one\r\n\ttwo", fetch(Corpus.HEADER_ONLY, "HEADER"));
        assertEquals("", fetch(Corpus.HEADER_ONLY, "TEXT"));
    }

    @Test
    void nestedPartsOfAMultipart() throws IOException {
        String m = Corpus.MIXED_NESTED;
        assertEquals("See the attached report.", fetch(m, "1.1"));
        assertEquals("Content-Type: text/plain; charset=\"utf-8\"; format=flowed\r\n\r\n", fetch(m, "1.1.MIME"));
        assertEquals("<p>See the attached <img src=\"cid:logo@example.com\"> report.</p>", fetch(m, "1.2.1"));
        assertEquals("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA\r\n"
                + "60e6kgAAAABJRU5ErkJggg==", fetch(m, "1.2.2"));
        assertEquals("Content-Type: image/png; name=\"logo.png\"\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-ID: <logo@example.com>\r\nContent-Disposition: inline; filename=\"logo.png\"\r\n\r\n",
                fetch(m, "1.2.2.MIME"));
        assertEquals("notes line 1\r\nnotes line 2", fetch(m, "3"));
        // A multipart part's body: from its preamble to its close delimiter.
        assertTrue(fetch(m, "1").startsWith("--inner-alt\r\nContent-Type: text/plain;"));
        // The close delimiter's line ending stays in the body when the outer boundary follows at once.
        assertTrue(fetch(m, "1").endsWith("--rel--\r\n--inner-alt--\r\n"));
        assertEquals("", fetch(m, "4"));
        assertEquals("", fetch(m, "3.HEADER"));
        assertTrue(fetch(m, "TEXT").endsWith("--outer-boundary--\r\n\r\nepilogue text\r\n"));
    }

    @Test
    void messageRfc822Parts() throws IOException {
        String m = Corpus.RFC822_INSIDE;
        String inner = fetch(m, "2");
        assertTrue(inner.startsWith("Date: Mon, 11 Mar 2024 08:00:00 +0000\r\n"));
        assertTrue(inner.endsWith("--b2--\r\n"));
        assertEquals("Content-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n", fetch(m, "2.MIME"));
        assertEquals("From: Original Sender <orig@example.net>\r\nSubject: the original\r\n\r\n",
                fetch(m, "2.HEADER.FIELDS (SUBJECT FROM)"));
        assertTrue(fetch(m, "2.HEADER").endsWith("boundary=\"b2\"\r\n\r\n"));
        assertTrue(fetch(m, "2.TEXT").startsWith("--b2\r\n"));
        assertEquals("original text", fetch(m, "2.1"));
        assertEquals("<b>original</b> text", fetch(m, "2.2"));
        assertEquals("Content-Type: text/html; charset=us-ascii\r\n\r\n", fetch(m, "2.2.MIME"));
        // A non-multipart encapsulated message: 3.1 is its body.
        assertEquals("just text", fetch(m, "3.1"));
        assertEquals("From: plain@example.net\r\nSubject: not MIME\r\n\r\n", fetch(m, "3.HEADER"));
        assertEquals("just text", fetch(m, "3.TEXT"));
        assertEquals("", fetch(m, "3.2"));
    }

    @Test
    void brokenMultipart() throws IOException {
        // The first part's header runs into the boundary: the CRLF before it belongs to the boundary.
        assertEquals("Content-Type: text/plain", fetch(Corpus.BROKEN, "1.MIME"));
        assertEquals("", fetch(Corpus.BROKEN, "1"));
        assertEquals("no header at all here", fetch(Corpus.BROKEN, "2.MIME"));
        assertEquals("part three, never closed\r\n", fetch(Corpus.BROKEN, "3"));
    }

    @Test
    void partialsAreCutAfterTheSection() throws IOException {
        MessageSource src = Corpus.source(Corpus.PLAIN);
        assertEquals("Return-Pat", fetch(src, SectionSpec.rfc822().withPartial(0, 10)));
        assertEquals("Hi Bob", fetch(src, SectionSpec.rfc822Text().withPartial(0, 6)));
        assertEquals("Bob,\r\n", fetch(src, SectionSpec.rfc822Text().withPartial(3, 6)));
        // Past the end: empty; across the end: what there is (RFC 3501 6.4.5).
        assertEquals("", fetch(src, SectionSpec.rfc822Text().withPartial(52, 10)));
        assertEquals("e\r\n", fetch(src, SectionSpec.rfc822Text().withPartial(49, 1000)));
        assertEquals("", fetch(src, SectionSpec.rfc822Text().withPartial(5, 0)));
        assertEquals("Subject: Lunch on Friday?\r\n\r\n",
                fetch(src, new SectionSpec(List.of(), SectionSpec.Text.HEADER_FIELDS, List.of("subject"), 0, 100)));
        assertEquals("ject", fetch(src, new SectionSpec(List.of(), SectionSpec.Text.HEADER_FIELDS, List.of("subject"), 3, 4)));
    }

    @Test
    void lengthAlwaysMatchesTheStreamAndCrlfForm() throws IOException {
        List<String> sections = List.of("", "HEADER", "TEXT", "1", "1.MIME", "2", "2.MIME", "1.1", "1.2", "1.2.2",
                "2.HEADER", "2.TEXT", "2.1", "3", "3.1", "HEADER.FIELDS (FROM TO)", "HEADER.FIELDS.NOT (FROM)",
                "2.HEADER.FIELDS (SUBJECT)", "1.2.1.MIME");
        for (Map.Entry<String, byte[]> e : Corpus.all().entrySet()) {
            MessageSource src = Corpus.source(e.getValue());
            MessageStructure m = MessageStructure.parse(src);
            for (String s : sections) {
                for (long[] partial : new long[][] {{-1, 0}, {0, 1}, {1, 7}, {17, 100_000}, {100_000, 5}}) {
                    SectionSpec spec = spec(s).withPartial(partial[0], partial[1]);
                    Section sec = SectionReader.read(src, m, spec);
                    byte[] b;
                    try (InputStream in = sec.open()) {
                        b = in.readAllBytes();
                    }
                    assertEquals(sec.length(), b.length, e.getKey() + " " + s);
                    if (partial[0] < 0) {
                        assertCrlf(b, e.getKey() + " " + s);
                    }
                }
            }
        }
    }

    @Test
    void storeStreamsInCrlfGiveTheSameResult() throws IOException {
        for (Map.Entry<String, byte[]> e : Corpus.all().entrySet()) {
            byte[] lf = e.getValue();
            byte[] crlf = new CrlfInputStream(new ByteArrayInputStream(lf)).readAllBytes();
            MessageStructure a = MessageStructure.parse(Corpus.source(lf));
            MessageStructure b = MessageStructure.parse(Corpus.source(crlf));
            assertEquals(crlf.length, a.size(), e.getKey());
            assertEquals(a.size(), b.size(), e.getKey());
            assertArrayEquals(BodyStructureFormatter.bodyStructure(a), BodyStructureFormatter.bodyStructure(b), e.getKey());
            for (String s : List.of("", "TEXT", "1", "2.MIME")) {
                assertEquals(fetch(Corpus.source(lf), spec(s)), fetch(Corpus.source(crlf), spec(s)), e.getKey() + " " + s);
            }
            // BODY[] is the store's stream itself.
            assertArrayEquals(crlf, fetch(Corpus.source(lf), spec("")).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void nulIsSentAs0x80() throws IOException {
        byte[] msg = "Subject: nul\n\na\0b\n".getBytes(StandardCharsets.US_ASCII);
        MessageSource src = Corpus.source(msg);
        Section s = SectionReader.read(src, MessageStructure.parse(src), SectionSpec.rfc822Text());
        try (InputStream in = s.open()) {
            assertArrayEquals(new byte[] {'a', (byte) 0x80, 'b', '\r', '\n'}, in.readAllBytes());
        }
    }

    @Test
    void ownHeaderNeedsNoStructureAndNoBody() throws IOException {
        AtomicInteger bodyBytesRead = new AtomicInteger();
        byte[] msg = (Corpus.PLAIN + "x".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8);
        MessageSource src = () -> new InputStream() {
            int pos;

            @Override
            public int read() {
                if (pos >= msg.length) {
                    return -1;
                }
                if (pos > 400) {
                    bodyBytesRead.incrementAndGet();
                }
                return msg[pos++] & 0xff;
            }
        };
        assertFalse(SectionReader.needsStructure(SectionSpec.rfc822Header()));
        assertFalse(SectionReader.needsStructure(spec("HEADER.FIELDS (SUBJECT)")));
        assertTrue(SectionReader.needsStructure(spec("TEXT")));
        assertTrue(SectionReader.needsStructure(spec("1.HEADER")));
        Section h = SectionReader.read(src, null, SectionSpec.rfc822Header());
        assertEquals(fetch(Corpus.PLAIN, "HEADER").length(), h.length());
        Section f = SectionReader.read(src, null, spec("HEADER.FIELDS (SUBJECT)"));
        try (InputStream in = f.open()) {
            assertEquals("Subject: Lunch on Friday?\r\n\r\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(bodyBytesRead.get() < 100_000, "read " + bodyBytesRead.get() + " body bytes");
        assertThrows(IllegalArgumentException.class, () -> SectionReader.read(src, null, SectionSpec.rfc822Text()));
    }

    @Test
    void largeHeaderFieldsResultsAreStreamedTwice() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append("X-Big: ").append("y".repeat(100)).append('\n');
        }
        sb.append("Subject: s\n\nbody\n");
        String got = fetch(sb.toString(), "HEADER.FIELDS (X-BIG)");
        assertEquals(5000 * 109 + 2, got.length());
    }

    @Test
    void aMessageThatShrinksIsAnErrorNotAShortLiteral() throws IOException {
        byte[] full = Corpus.utf8(Corpus.PLAIN);
        AtomicInteger opens = new AtomicInteger();
        MessageSource src = () -> new ByteArrayInputStream(opens.getAndIncrement() == 0 ? full
                : Arrays.copyOf(full, full.length / 2));
        MessageStructure m = MessageStructure.parse(src);
        Section s = SectionReader.read(src, m, SectionSpec.rfc822Text());
        assertThrows(IOException.class, () -> {
            try (InputStream in = s.open()) {
                in.readAllBytes();
            }
        });
    }

    private static void assertCrlf(byte[] b, String what) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                assertTrue(i > 0 && b[i - 1] == '\r', what + ": bare LF at " + i);
            }
        }
    }
}
