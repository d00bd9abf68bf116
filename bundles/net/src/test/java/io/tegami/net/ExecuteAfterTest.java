package io.tegami.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tegami.api.net.Connection;
import io.tegami.api.net.Line;
import io.tegami.api.net.ProtocolHandler;
import io.tegami.api.net.ProtocolSession;

/**
 * Connection.executeAfter(): the task runs later on the session thread, input is held (not lost,
 * not delivered) until it has run, and the task sees what arrived meanwhile; and the listener's
 * record_deadline times out a client that trickles one line for too long.
 */
class ExecuteAfterTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    private final ProtocolHandler handler = connection -> new ProtocolSession() {
        @Override
        public void start() {
            seen.add("start");
        }

        @Override
        public void lineReceived(Line line) {
            seen.add(line.text());
            if (line.text().startsWith("WAIT")) {
                long millis = Long.parseLong(line.text().substring(4).trim());
                assertTrue(connection.executeAfter(Duration.ofMillis(millis), () -> seen.add("task:"
                        + new String(connection.pendingInput(100), StandardCharsets.US_ASCII).trim())));
            }
        }

        @Override
        public void idle() {
            seen.add("idle");
            connection.close();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void closed() {
            seen.add("closed");
        }
    };

    private EmbeddedChannel channel(Map<String, String> extra) throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(false, false);
        Map<String, String> props = new java.util.HashMap<>(Map.of("protocol", "fake", "port", "0", "tls", "none"));
        props.putAll(extra);
        ch.pipeline().addLast(new SessionHandler(ch, handler, ListenerSettings.parse(props), () -> null, null));
        ch.register();
        return ch;
    }

    private static void feed(EmbeddedChannel ch, String text) {
        ch.pipeline().fireChannelRead(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
        ch.pipeline().fireChannelReadComplete();
    }

    @Test
    void inputWaitsForTheTaskAndIsThenDeliveredInOrder() throws Exception {
        EmbeddedChannel ch = channel(Map.of());
        feed(ch, "one\r\nWAIT 50\r\ntwo\r\nthr");
        feed(ch, "ee\r\n");
        assertEquals(List.of("start", "one", "WAIT 50"), seen, "nothing after WAIT before the task");
        Thread.sleep(80);
        ch.runScheduledPendingTasks();
        ch.runPendingTasks();
        assertEquals(List.of("start", "one", "WAIT 50", "task:two\r\nthree", "two", "three"), seen);
        ch.finishAndReleaseAll();
    }

    @Test
    void theTaskWaitsForItsDelay() throws Exception {
        EmbeddedChannel ch = channel(Map.of());
        feed(ch, "WAIT 5000\r\nnext\r\n");
        ch.runScheduledPendingTasks();
        ch.runPendingTasks();
        assertEquals(List.of("start", "WAIT 5000"), seen);
        ch.finishAndReleaseAll();
    }

    @Test
    void aClosedConnectionRefusesAndDropsTasks() throws Exception {
        EmbeddedChannel ch = channel(Map.of());
        feed(ch, "WAIT 50\r\n");
        ch.close();
        Thread.sleep(80);
        ch.runScheduledPendingTasks();
        ch.runPendingTasks();
        assertFalse(seen.stream().anyMatch(s -> s.startsWith("task:")), seen.toString());
    }

    @Test
    void aLineTricklingInPastTheRecordDeadlineTimesOut() throws Exception {
        EmbeddedChannel ch = channel(Map.of("record_deadline", "1"));
        feed(ch, "EH");
        Thread.sleep(600);
        feed(ch, "LO");
        ch.runScheduledPendingTasks();
        ch.runPendingTasks();
        assertFalse(seen.contains("idle"), "within the deadline");
        Thread.sleep(500);
        ch.runScheduledPendingTasks();
        ch.runPendingTasks();
        assertTrue(seen.contains("idle"), "one line may not take longer than the deadline: " + seen);
        ch.finishAndReleaseAll();
    }

    @Test
    void aBadRecordDeadlineIsTheAdminsErrorAtOnce() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ListenerSettings.parse(
                Map.of("protocol", "fake", "port", "0", "record_deadline", "soon")));
        assertEquals(120, ListenerSettings.parse(Map.of("protocol", "fake", "port", "0", "record_deadline", "2m"))
                .recordDeadlineSeconds());
    }

    @Test
    void completeLinesRestartTheDeadline() throws Exception {
        EmbeddedChannel ch = channel(Map.of("record_deadline", "1"));
        for (int i = 0; i < 3; i++) {
            feed(ch, "x\r\ny");
            Thread.sleep(400);
            feed(ch, "\r\n");
            ch.runScheduledPendingTasks();
            ch.runPendingTasks();
        }
        assertFalse(seen.contains("idle"), seen.toString());
        ch.finishAndReleaseAll();
    }
}
