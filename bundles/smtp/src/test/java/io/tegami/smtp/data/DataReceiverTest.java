package io.tegami.smtp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.net.Line;
import io.tegami.api.net.Line.Ending;
import io.tegami.api.queue.QueueException;
import io.tegami.smtp.data.DataReceiver.Progress;
import io.tegami.smtp.fake.FakeMailQueue;

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

    @Test
    void bareLfIsReportedWhereverItIs() throws QueueException {
        DataReceiver r = receiver(0);
        r.accept(line("abc", Ending.NONE));
        assertEquals(Progress.BARE_LF, r.accept(line("def", Ending.LF)));
        r.discard();
        r.discard();
        assertEquals(1, queue.discarded());
    }
}
