package io.tegami.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueueException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue file: what goes in comes back out, byte for byte, and done marks persist. */
class SpoolFileTest {

    @TempDir
    Path dir;
    Spool spool;
    final QueueIds ids = new QueueIds(Clock.systemUTC());
    final List<String> handedOff = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        spool = new Spool(dir.resolve("spool"));
        spool.create();
    }

    private Envelope oddEnvelope() {
        return new Envelope(MailAddress.of("al ice\"x\\y", "Example.ORG"),
                List.of(MailAddress.of("bob", "example.org"), MailAddress.of("ünï", "bücher.example"),
                        MailAddress.of("line\nbreak%20", "[192.0.2.1]")),
                Map.of(Envelope.CLIENT_ADDRESS, "192.0.2.7", Envelope.HELO_NAME, "odd name\r\nX-Injected: yes",
                        "empty", ""));
    }

    private byte[] oddContent() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("Subject: odd\nX-Long: ".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes("x".repeat(200_000).getBytes(StandardCharsets.US_ASCII)); // a very long line
        b.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 256; i++) {
            b.write(i); // every byte value, NUL, CR, 8-bit, invalid UTF-8
        }
        b.writeBytes("\r\n.\n..\nE\nR bob example.org\nno final newline".getBytes(StandardCharsets.US_ASCII));
        byte[] random = new byte[300_000];
        new Random(42).nextBytes(random);
        b.writeBytes(random);
        return b.toByteArray();
    }

    @Test
    void envelopeAndContentRoundTrip() throws Exception {
        Envelope env = oddEnvelope();
        byte[] content = oddContent();
        Instant arrival = Instant.parse("2024-06-01T10:00:00.123Z");
        String id;
        try (SpoolWriter w = SpoolWriter.create(spool, ids, env, arrival, handedOff::add)) {
            OutputStream out = w.content();
            // written in awkward pieces, including single bytes
            out.write(content, 0, 1);
            out.write(content[1]);
            out.write(content, 2, 70_000);
            out.write(content, 70_002, content.length - 70_002);
            assertEquals(content.length, w.size());
            id = w.commit();
        }
        assertEquals(List.of(id), handedOff);
        Path file = spool.file(Spool.ACTIVE, id);
        SpoolHeader h = SpoolFormat.read(file);
        assertEquals(id, h.queueId());
        assertEquals(arrival, h.arrival());
        assertEquals(env, h.envelope());
        assertEquals(3, h.pending().size());

        SpoolMessage m = new SpoolMessage(file, h, Files.size(file));
        assertEquals(content.length, m.size());
        try (InputStream in = m.openContent()) {
            assertArrayEquals(content, in.readAllBytes());
        }
        try (InputStream in = m.openContent()) { // each call is a fresh stream
            assertEquals('S', in.read());
        }
    }

    @Test
    void nullSenderRoundTrips() throws Exception {
        Envelope env = Envelope.of(MailAddress.NULL_SENDER, List.of(MailAddress.parse("bob@example.org")));
        String id = write(env, "x");
        assertTrue(SpoolFormat.read(spool.file(Spool.ACTIVE, id)).envelope().sender().isNullSender());
    }

    @Test
    void duplicateRecipientsAreKeptOnce() throws Exception {
        String id = write(QueueFixture.envelope("a@example.org", "b@example.org", "c@example.org", "b@EXAMPLE.org"), "x");
        assertEquals(List.of(MailAddress.parse("b@example.org"), MailAddress.parse("c@example.org")),
                SpoolFormat.read(spool.file(Spool.ACTIVE, id)).pendingAddresses());
    }

    @Test
    void markDoneRewritesOnlyTheRecordTypeAndSurvivesRereading() throws Exception {
        String content = "Subject: hi\n\nbody\n";
        String id = write(QueueFixture.envelope("a@example.org", "b@example.org", "c@example.org", "d@example.org"), content);
        Path file = spool.file(Spool.ACTIVE, id);
        SpoolHeader before = SpoolFormat.read(file);
        SpoolFormat.markDone(file, before.recipients().get(1));
        SpoolFormat.markDone(file, before.recipients().get(1)); // idempotent
        SpoolHeader after = SpoolFormat.read(file);
        assertEquals(List.of(false, true, false), after.recipients().stream().map(SpoolHeader.Recipient::done).toList());
        assertEquals(List.of(MailAddress.parse("b@example.org"), MailAddress.parse("d@example.org")),
                after.pendingAddresses());
        assertEquals(before.contentOffset(), after.contentOffset());
        try (InputStream in = new SpoolMessage(file, after, Files.size(file)).openContent()) {
            assertEquals(content, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void markDoneRefusesAnOffsetThatIsNotARecipientRecord() throws Exception {
        String id = write(QueueFixture.envelope("a@example.org", "b@example.org"), "Subject: x\n\nbody\n");
        Path file = spool.file(Spool.ACTIVE, id);
        SpoolHeader h = SpoolFormat.read(file);
        var bogus = new SpoolHeader.Recipient(MailAddress.parse("b@example.org"), h.contentOffset() + 3, false);
        assertThrows(CorruptQueueFileException.class, () -> SpoolFormat.markDone(file, bogus));
        try (InputStream in = new SpoolMessage(file, h, Files.size(file)).openContent()) {
            assertEquals("Subject: x\n\nbody\n", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void damagedFilesAreRecognised() throws Exception {
        Path f = dir.resolve("bad");
        for (String text : List.of("", "hello\n", "tegami-queue-file 2\n", "tegami-queue-file 1\nI ABC\n",
                "tegami-queue-file 1\nI 0123456789AB\nT 1\nS\nE\n", "tegami-queue-file 1\nI X\nT 1\nS\nR a\nE\n",
                "tegami-queue-file 1\nI X\nT 1\nS\nR a%G b\nE\n", "tegami-queue-file 1\nQ 1\nE\n")) {
            Files.writeString(f, text);
            assertThrows(CorruptQueueFileException.class, () -> SpoolFormat.read(f), text);
        }
    }

    @Test
    void filesAndDirectoriesArePrivate() throws Exception {
        String id = write(QueueFixture.envelope("a@example.org", "b@example.org"), "x");
        // owner only; the owner-execute bit is the commit mark, as in Postfix
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.file(Spool.ACTIVE, id))));
        for (String q : List.of(Spool.INCOMING, Spool.ACTIVE, Spool.DEFERRED, Spool.HOLD)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.dir(q))));
        }
    }

    @Test
    void closeWithoutCommitDiscardsTheFile() throws Exception {
        String id;
        try (SpoolWriter w = SpoolWriter.create(spool, ids, QueueFixture.envelope("a@example.org", "b@example.org"),
                Instant.now(), handedOff::add)) {
            id = w.queueId();
            w.content().write("Subject: never\n\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(Files.exists(spool.file(Spool.INCOMING, id)));
        }
        assertFalse(Files.exists(spool.file(Spool.INCOMING, id)));
        assertTrue(spool.locate(id).isEmpty());
        assertTrue(handedOff.isEmpty());
    }

    @Test
    void commitAfterCloseFails() throws Exception {
        SpoolWriter w = SpoolWriter.create(spool, ids, QueueFixture.envelope("a@example.org", "b@example.org"),
                Instant.now(), handedOff::add);
        w.close();
        assertThrows(QueueException.class, w::commit);
        assertTrue(handedOff.isEmpty());
    }

    @Test
    void aClosedContentStreamDoesNotCloseTheFile() throws Exception {
        try (SpoolWriter w = SpoolWriter.create(spool, ids, QueueFixture.envelope("a@example.org", "b@example.org"),
                Instant.now(), handedOff::add)) {
            w.content().write('a');
            w.content().close();
            w.content().write('b');
            String id = w.commit();
            SpoolHeader h = SpoolFormat.read(spool.file(Spool.ACTIVE, id));
            try (InputStream in = new SpoolMessage(spool.file(Spool.ACTIVE, id), h,
                    Files.size(spool.file(Spool.ACTIVE, id))).openContent()) {
                assertEquals("ab", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void aCollidingIdIsSkipped() throws Exception {
        // a clock that stands still and a generator that restarts: the second writer must not reuse an id
        Clock fixed = Clock.fixed(Instant.parse("2024-06-01T10:00:00Z"), java.time.ZoneOffset.UTC);
        String first = write(new QueueIds(fixed), QueueFixture.envelope("a@example.org", "b@example.org"), "1");
        String second = write(new QueueIds(fixed), QueueFixture.envelope("a@example.org", "b@example.org"), "2");
        assertFalse(first.equals(second));
        assertTrue(Files.exists(spool.file(Spool.ACTIVE, first)));
        assertTrue(Files.exists(spool.file(Spool.ACTIVE, second)));
    }

    private String write(Envelope env, String content) throws Exception {
        return write(ids, env, content);
    }

    private String write(QueueIds gen, Envelope env, String content) throws Exception {
        try (SpoolWriter w = SpoolWriter.create(spool, gen, env, Instant.now(), handedOff::add)) {
            w.content().write(content.getBytes(StandardCharsets.UTF_8));
            return w.commit();
        }
    }
}
