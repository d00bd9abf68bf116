package io.tegami.smtp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.net.Line;
import io.tegami.api.net.Line.Ending;
import io.tegami.api.queue.QueueException;
import io.tegami.smtp.data.DataReceiver.Progress;
import io.tegami.smtp.fake.FakeMailQueue;
import io.tegami.smtp.data.BareNewline;

class DataReceiverTest {

    private final FakeMailQueue queue = new FakeMailQueue();

    private DataReceiver receiver(long limit) throws QueueException {
        Envelope envelope = Envelope.of(MailAddress.of("a", "b.example"), java.util.List.of(MailAddress.of("c", "d")));
        return new DataReceiver(queue.create(envelope), limit);
    }

    private static Line line(String text, Ending ending) {
        return new Line(text.getBytes(StandardCharsets.UTF_8), ending);
    }

    /** Feeds a CRLF stream cut into pieces of {@code width} bytes, as the net layer would with that line limit. */
    private static Progress feed(DataReceiver r, String crlfText, int width) {
        Progress last = Progress.MORE;
        for (String l : crlfText.split("\r\n", -1)) {
            if (l.isEmpty() && last == Progress.END) {
                break;
            }
            int i = 0;
            while (l.length() - i > width) {
                r.accept(line(l.substring(i, i + width), Ending.NONE));
                i += width;
            }
            last = r.accept(line(l.substring(i), Ending.CRLF));
            if (last == Progress.END) {
                break;
            }
        }
        return last;
    }

    @Test
    void anyFragmentWidthGivesTheSameContent() throws QueueException {
        String wire = "Subject: x\r\n\r\n..dots\r\n.\r\n";
        for (int width = 1; width <= 12; width++) {
            FakeMailQueue q = new FakeMailQueue();
            Envelope envelope = Envelope.of(MailAddress.NULL_SENDER, java.util.List.of(MailAddress.of("c", "d")));
            DataReceiver r = new DataReceiver(q.create(envelope), 0);
            assertEquals(Progress.END, feed(r, wire, width), "width " + width);
            assertTrue(r.finish().accepted());
            assertEquals("Subject: x\n\n.dots\n", q.committed().get(0).content(), "width " + width);
        }
    }

    @Test
    void sizeCountsCrLfAsTwo() throws QueueException {
        DataReceiver r = receiver(0);
        r.accept(line("abc", Ending.CRLF));
        r.accept(line("..", Ending.CRLF));
        assertEquals(5 + 3, r.size());
    }

    @Test
    void overLimitDiscardsAtOnceAndFinishesWith552() throws QueueException {
        DataReceiver r = receiver(10);
        r.accept(line("0123456789", Ending.CRLF));
        assertEquals(1, queue.discarded());
        assertEquals(Progress.END, r.accept(line(".", Ending.CRLF)));
        DataResult result = r.finish();
        assertEquals(new DataResult(false, "552 5.3.4 Error: message file too big"), result);
        assertTrue(queue.committed().isEmpty());
    }

    private DataReceiver receiver(BareNewline policy) throws QueueException {
        Envelope envelope = Envelope.of(MailAddress.of("a", "b.example"), java.util.List.of(MailAddress.of("c", "d")));
        return new DataReceiver(queue.create(envelope), 0, policy, "550 5.5.2 host Error: bare <LF> received");
    }

    /** Feeds lines ending as marked: "|" CRLF, "~" bare LF; stops at the end of data. */
    private static Progress lines(DataReceiver r, String... marked) {
        for (String m : marked) {
            Ending e = m.endsWith("~") ? Ending.LF : Ending.CRLF;
            if (r.accept(line(m.substring(0, m.length() - 1), e)) == Progress.END) {
                return Progress.END;
            }
        }
        return Progress.MORE;
    }

    @Test
    void normalizeTakesBareLfAsALineEndButOnlyCrLfDotCrLfEndsTheMessage() throws QueueException {
        DataReceiver r = receiver(BareNewline.NORMALIZE);
        assertEquals(Progress.MORE, lines(r, "line1~", ".~", "MAIL FROM:<smuggled@x>|", "line2|", ".~", "line3|", "~",
                ".|", "..~", "x\r.\r\r|"));
        assertEquals(Progress.END, lines(r, ".|"));
        assertTrue(r.finish().accepted());
        assertEquals("line1\nMAIL FROM:<smuggled@x>\nline2\nline3\n\n.\nx .  \n", queue.committed().get(0).content(),
                "lone dots next to a bare LF are dropped, a bare CR becomes a space");
    }

    @Test
    void noLetsADotAfterABareLfEndTheMessage() throws QueueException {
        DataReceiver r = receiver(BareNewline.NO);
        assertEquals(Progress.END, lines(r, "line1~", ".~"));
        assertTrue(r.finish().accepted());
        assertEquals("line1\n", queue.committed().get(0).content());
    }

    @Test
    void rejectReadsToTheEndThenRefuses() throws QueueException {
        DataReceiver r = receiver(BareNewline.REJECT);
        assertEquals(Progress.MORE, lines(r, "a~"));
        assertEquals(1, queue.discarded(), "nothing more goes to disk");
        assertEquals(Progress.END, lines(r, "b|", ".|"));
        assertTrue(r.refusedForBareLf());
        assertEquals(new DataResult(false, "550 5.5.2 host Error: bare <LF> received"), r.finish());
        DataReceiver clean = receiver(BareNewline.REJECT);
        assertEquals(Progress.END, lines(clean, "a|", ".|"));
        assertFalse(clean.refusedForBareLf());
        assertTrue(clean.finish().accepted());
    }

    private static ByteBuffer octets(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void chunksAreRawOctetsWithCrLfAsLfAndBareCrAsSpace() throws QueueException {
        DataReceiver r = receiver(BareNewline.NORMALIZE);
        r.acceptChunk(octets("Subject: x\r\n\r\n..no unstuffing\r"));
        r.acceptChunk(octets("\n.\r\nbare\nlf\rcr\r"));
        r.acceptChunk(octets("x\r"));
        r.acceptChunk(octets(""));
        r.acceptChunk(octets("\r\nend"));
        r.endChunks();
        assertEquals(55, r.size(), "octets as sent, a bare LF and the missing last line end counted as CRLF");
        assertTrue(r.finish().accepted());
        assertEquals("Subject: x\n\n..no unstuffing\n.\nbare\nlf cr x \nend\n", queue.committed().get(0).content(),
                "the CR of a CRLF goes, other CRs are spaces, as in Postfix");
    }

    @Test
    void aChunkStartingWithWhiteSpaceCannotContinueOurReceivedHeaderAndAFinalCrIsASpace() throws QueueException {
        DataReceiver r = receiver(BareNewline.NORMALIZE);
        r.acceptChunk(octets(" folded\r\nlast\r"));
        r.endChunks();
        assertTrue(r.finish().accepted());
        assertEquals("\n folded\nlast \n", queue.committed().get(0).content());
    }

    @Test
    void chunksWithABareLfAreRefusedUnderReject() throws QueueException {
        DataReceiver r = receiver(BareNewline.REJECT);
        r.acceptChunk(octets("a\r\nb\nc\r\n"));
        r.endChunks();
        assertTrue(r.refusedForBareLf());
        assertFalse(r.finish().accepted());
        assertTrue(queue.committed().isEmpty());
    }

    @Test
    void chunksOverTheLimitAreDroppedAtOnce() throws QueueException {
        Envelope envelope = Envelope.of(MailAddress.of("a", "b.example"), java.util.List.of(MailAddress.of("c", "d")));
        DataReceiver r = new DataReceiver(queue.create(envelope), 10, BareNewline.NORMALIZE, null);
        r.acceptChunk(octets("0123456789"));
        assertEquals(0, queue.discarded());
        r.acceptChunk(octets("x"));
        assertEquals(1, queue.discarded());
        r.endChunks();
        assertEquals(new DataResult(false, "552 5.3.4 Error: message file too big"), r.finish());
    }
}
