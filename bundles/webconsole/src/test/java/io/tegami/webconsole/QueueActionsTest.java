package io.tegami.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tegami.api.queue.QueueEntry;
import io.tegami.api.queue.QueueException;

class QueueActionsTest {

    private final FakeQueue queue = new FakeQueue();

    QueueActionsTest() {
        queue.entries.add(FakeQueue.entry("AAAAAAAAAAAA", QueueEntry.DEFERRED, "bob@example.org", "alice@localhost"));
        queue.entries.add(FakeQueue.entry("BBBBBBBBBBBB", QueueEntry.HOLD, "bob@example.org", "carol@localhost"));
    }

    @Test
    void deleteCountsOnlyTheMessagesThatWereQueued() throws Exception {
        Optional<QueueActions.Outcome> o = QueueActions.apply(queue, "delete", List.of("AAAAAAAAAAAA", "ZZZZZZZZZZZZ"));
        assertEquals(Optional.of(new QueueActions.Outcome("delete", 1)), o);
        assertEquals(List.of("delete AAAAAAAAAAAA", "delete ZZZZZZZZZZZZ"), queue.calls);
        assertEquals(1, queue.entries.size());
    }

    @Test
    void holdReleaseAndDeliverGoToTheQueue() throws Exception {
        assertEquals(1, QueueActions.apply(queue, "hold", List.of("AAAAAAAAAAAA", "BBBBBBBBBBBB")).orElseThrow().count());
        assertEquals(2, QueueActions.apply(queue, "release", List.of("AAAAAAAAAAAA", "BBBBBBBBBBBB")).orElseThrow().count());
        assertEquals(2, QueueActions.apply(queue, "flush-selected", List.of("AAAAAAAAAAAA", "BBBBBBBBBBBB")).orElseThrow().count());
        assertTrue(queue.entries.stream().allMatch(e -> e.queueName().equals(QueueEntry.ACTIVE)), queue.entries.toString());
    }

    @Test
    void flushTakesNoIds() throws Exception {
        assertEquals(Optional.of(new QueueActions.Outcome("flush", 0)), QueueActions.apply(queue, "flush", List.of("AAAAAAAAAAAA")));
        assertEquals(List.of("flush"), queue.calls);
    }

    @Test
    void unknownOrMissingActionsDoNothing() throws Exception {
        assertEquals(Optional.empty(), QueueActions.apply(queue, "requeue-all", List.of("AAAAAAAAAAAA")));
        assertEquals(Optional.empty(), QueueActions.apply(queue, null, List.of("AAAAAAAAAAAA")));
        assertEquals(List.of(), queue.calls);
    }

    @Test
    void atMostMaxIdsAreTouched() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < QueueActions.MAX_IDS + 5; i++) {
            ids.add("X" + i);
        }
        QueueActions.apply(queue, "delete", ids);
        assertEquals(QueueActions.MAX_IDS, queue.calls.size());
    }

    @Test
    void queueFailuresReachTheCaller() {
        queue.failing = true;
        assertThrows(QueueException.class, () -> QueueActions.apply(queue, "delete", List.of("AAAAAAAAAAAA")));
    }

    @Test
    void noticesUsePostsuperWordsAndIgnoreUnknownActions() {
        assertEquals(Optional.of("Deleted: 1 message"), QueueActions.notice("delete", 1));
        assertEquals(Optional.of("Placed on hold: 2 messages"), QueueActions.notice("hold", 2));
        assertEquals(Optional.of("Released from hold: 0 messages"), QueueActions.notice("release", 0));
        assertEquals(Optional.empty(), QueueActions.notice("<script>alert(1)</script>", 1));
        assertEquals(Optional.empty(), QueueActions.notice(null, 1));
    }
}
