package io.tegami.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class QueueIdsTest {

    @Test
    void idsAreTwelveUpperCaseHexDigits() {
        String id = new QueueIds(Clock.systemUTC()).next();
        assertTrue(id.matches("[0-9A-F]{12}"), id);
        assertTrue(QueueIds.isQueueId(id));
        assertFalse(QueueIds.isQueueId("../etc/passwd"));
        assertFalse(QueueIds.isQueueId("0123456789ab"));
        assertFalse(QueueIds.isQueueId("0123456789AB.tmp"));
    }

    @Test
    void idsNeverRepeatEvenWhenTheClockStandsStill() {
        QueueIds ids = new QueueIds(Clock.fixed(Instant.parse("2024-06-01T10:00:00Z"), ZoneOffset.UTC));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(ids.next()));
        }
    }

    @Test
    void idsAreUniqueAcrossThreadsAndSortByTime() {
        QueueIds ids = new QueueIds(Clock.systemUTC());
        Set<String> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 50_000).parallel().forEach(i -> assertTrue(seen.add(ids.next())));
        assertEquals(50_000, seen.size());
        String a = ids.next();
        String b = ids.next();
        assertTrue(a.compareTo(b) < 0, a + " before " + b);
    }

    @Test
    void idEncodesTheTimeInMicroseconds() {
        Instant t = Instant.parse("2024-06-01T10:00:00.123456Z");
        String id = new QueueIds(Clock.fixed(t, ZoneOffset.UTC)).next();
        long micros = t.getEpochSecond() * 1_000_000L + 123_456;
        assertEquals(String.format("%012X", micros & ((1L << 48) - 1)), id);
    }
}
