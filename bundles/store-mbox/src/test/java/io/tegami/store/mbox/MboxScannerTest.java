package io.tegami.store.mbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MboxScannerTest {

    @TempDir
    Path dir;

    static final String FROM1 = "From a@example.org Mon Jan  6 10:00:00 2025\n";
    static final String FROM2 = "From b@example.org Mon Jan  6 10:01:00 2025\n";

    private List<ScannedMessage> scan(String text) throws IOException {
        Path f = dir.resolve("mbox");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            return MboxScanner.scan(ch, ch.size(), ZoneOffset.UTC);
        }
    }

    /** What a client sees of each message, as openMessage streams it. */
    private List<String> contents(String text) throws IOException {
        List<ScannedMessage> msgs = scan(text);
        List<String> out = new ArrayList<>();
        for (ScannedMessage m : msgs) {
            FileChannel ch = FileChannel.open(dir.resolve("mbox"), StandardOpenOption.READ);
            try (InputStream in = MessageStream.open(ch, m, FileChannel::close)) {
                byte[] b = in.readAllBytes();
                assertEquals(m.rfc822Size(), b.length, "RFC822.SIZE matches the stream");
                out.add(new String(b, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void splitsAtFromLinesAfterEmptyLinesOnly() throws IOException {
        String text = FROM1 + "Subject: one\n\nbody\nFrom here we go\n\nFrom not a date line\n>From quoted\n\n"
                + FROM2 + "Subject: two\n\ntwo\n\n";
        List<ScannedMessage> msgs = scan(text);
        assertEquals(2, msgs.size());
        assertEquals("a@example.org", msgs.get(0).sender());
        assertEquals(Instant.parse("2025-01-06T10:01:00Z"), msgs.get(1).date());
        assertEquals(List.of(
                "Subject: one\r\n\r\nbody\r\nFrom here we go\r\n\r\nFrom not a date line\r\nFrom quoted\r\n",
                "Subject: two\r\n\r\ntwo\r\n"), contents(text));
    }

    @Test
    void contentLengthKeepsUnquotedFromLinesInside() throws IOException {
        // Dovecot's own messages are mboxcl2: From_ lines in bodies stay unquoted, Content-Length bounds them.
        String body = "line\n\n" + FROM2 + "still body\n";
        String text = FROM1 + "Subject: cl\nContent-Length: " + body.length() + "\n\n" + body + "\n" + FROM2 + "Subject: next\n\nx\n";
        List<ScannedMessage> msgs = scan(text);
        assertEquals(2, msgs.size());
        assertEquals(body.length(), msgs.get(0).meta().contentLength());
        assertEquals(List.of("Subject: cl\r\n\r\nline\r\n\r\n" + FROM2.replace("\n", "\r\n") + "still body\r\n",
                "Subject: next\r\n\r\nx\r\n"), contents(text));
    }

    @Test
    void wrongContentLengthIsIgnored() throws IOException {
        String text = FROM1 + "Content-Length: 3\n\nbody text\n\n" + FROM2 + "\nsecond\n";
        List<ScannedMessage> msgs = scan(text);
        assertEquals(2, msgs.size());
        assertEquals(List.of("\r\nbody text\r\n", "\r\nsecond\r\n"), contents(text));
    }

    @Test
    void metadataHeadersAreHiddenAndRead() throws IOException {
        String text = FROM1 + "X-IMAPbase: 1700000000 0000000007 Work $Label1\nFrom: x\nX-UID: 7\n"
                + "Status: RO\nX-Status: AF\nX-Keywords: Work    \n\tmore\nContent-Length: 5\nSubject: s\n\nbody\n\n";
        List<ScannedMessage> msgs = scan(text);
        ScannedMessage.Meta meta = msgs.get(0).meta();
        assertEquals("1700000000 0000000007 Work $Label1", meta.imapBase().strip());
        assertEquals("7", meta.xUid().strip());
        assertEquals("RO", meta.status().strip());
        assertEquals("AF", meta.xStatus().strip());
        assertEquals(List.of("Work", "more"), MboxHeaders.words(meta.keywords()));
        assertEquals(5, meta.contentLength());
        assertEquals(FROM1.length() + "X-IMAPbase: 1700000000 ".length(), meta.uidLastOffset());
        assertEquals(List.of("From: x\r\nSubject: s\r\n\r\nbody\r\n"), contents(text));
    }

    @Test
    void crlfMboxesAndMissingFinalSeparator() throws IOException {
        String text = FROM1.replace("\n", "\r\n") + "Subject: crlf\r\n\r\nbody\r\n\r\n" + FROM2 + "Subject: last\n\nno separator";
        assertEquals(List.of("Subject: crlf\r\n\r\nbody\r\n", "Subject: last\r\n\r\nno separator"), contents(text));
    }

    @Test
    void emptyFilesAndLeadingEmptyLines() throws IOException {
        assertEquals(0, scan("").size());
        assertEquals(0, scan("\n\n").size());
        assertEquals(1, scan("\n" + FROM1 + "\nbody\n").size());
    }

    @Test
    void aFileThatIsNotAnMboxIsRefused() {
        assertThrows(MboxScanner.NotAnMboxException.class, () -> scan("Subject: not an mbox\n\nbody\n"));
    }

    @Test
    void messageWithoutBodyAndHeaderCutShort() throws IOException {
        String text = FROM1 + "Subject: a\n\n" + FROM2 + "Subject: cut";
        List<ScannedMessage> msgs = scan(text);
        assertEquals(2, msgs.size());
        assertTrue(msgs.get(1).headerEnd() <= msgs.get(1).end());
        assertEquals(List.of("Subject: a\r\n", "Subject: cut"), contents(text));
    }
}
