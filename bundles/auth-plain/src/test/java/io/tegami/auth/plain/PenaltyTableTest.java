package io.tegami.auth.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Dovecot's auth penalty: growth, cap, forgiveness, and what counts as one client. */
class PenaltyTableTest {

    private static final Duration BASE = Duration.ofSeconds(2);
    private final PenaltyTable table = new PenaltyTable();

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    /** Fails as a client does that retries at once after each reply. */
    private long[] failInARow(InetAddress client, int times, long start) {
        long now = start;
        long[] seconds = new long[times];
        for (int i = 0; i < times; i++) {
            Duration d = table.failure(client, BASE, now);
            seconds[i] = d.toSeconds();
            now += d.toMillis();
        }
        return seconds;
    }

    @Test
    void delaysDoubleUpTo15Seconds() throws Exception {
        assertEquals("[2, 4, 8, 15, 15, 15]", java.util.Arrays.toString(failInARow(ip("192.0.2.1"), 6, 0)));
    }

    @Test
    void successForgivesAtOnce() throws Exception {
        InetAddress client = ip("192.0.2.1");
        failInARow(client, 3, 0);
        table.success(client);
        assertEquals(Duration.ofSeconds(2), table.failure(client, BASE, 14_000));
    }

    @Test
    void fifteenQuietSecondsForgiveAndFourteenDoNot() throws Exception {
        InetAddress client = ip("192.0.2.1");
        table.failure(client, BASE, 0); // reply at 2 s
        table.failure(client, BASE, 2_000); // reply at 6 s
        assertEquals(2, table.penalty(client, BASE, 6_000 + 14_999));
        assertEquals(0, table.penalty(client, BASE, 6_000 + 15_000));
        assertEquals(Duration.ofSeconds(2), table.failure(client, BASE, 6_000 + 15_000));
    }

    @Test
    void addressesAreCountedApartButIpv6PerSlash48() throws Exception {
        failInARow(ip("192.0.2.1"), 3, 0);
        assertEquals(Duration.ofSeconds(2), table.failure(ip("192.0.2.2"), BASE, 0));
        failInARow(ip("2001:db8:1:1::1"), 2, 0);
        assertEquals(Duration.ofSeconds(8), table.failure(ip("2001:db8:1:ffff::9"), BASE, 6_000));
        assertEquals(Duration.ofSeconds(2), table.failure(ip("2001:db8:2::1"), BASE, 6_000));
    }

    @Test
    void zeroBaseTurnsItOffAndUnknownClientsHaveNoPenalty() throws Exception {
        assertEquals(Duration.ZERO, table.failure(ip("192.0.2.1"), Duration.ZERO, 0));
        assertEquals(Duration.ZERO, table.failure(null, BASE, 0));
        table.success(null);
    }

    @Test
    void aLongBaseIsNotCutBelowItself() {
        assertEquals(Duration.ofSeconds(20), PenaltyTable.delay(1, Duration.ofSeconds(20)));
        assertEquals(Duration.ofSeconds(20), PenaltyTable.delay(4, Duration.ofSeconds(20)));
        assertEquals(Duration.ofMillis(400), PenaltyTable.delay(3, Duration.ofMillis(100)));
    }

    @Test
    void theTableForgetsTheLeastRecentlyUsedBeyondItsSize() throws Exception {
        InetAddress first = ip("10.0.0.1");
        failInARow(first, 2, 0);
        for (int i = 0; i < PenaltyTable.MAX_ENTRIES; i++) {
            table.failure(InetAddress.getByAddress(new byte[] {11, (byte) (i >> 16), (byte) (i >> 8), (byte) i}), BASE, 0);
        }
        assertEquals(0, table.penalty(first, BASE, 6_000));
    }
}
