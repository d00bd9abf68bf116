package io.tegami.auth.plain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dovecot's auth penalty (src/auth/auth-penalty.c) as a table in memory: a penalty of 0 to 4 per
 * client address, raised by each failed login and dropped after a success.
 *
 * <p>A failure with penalty {@code n} (after counting it) is held for {@code base * 2^(n-1)},
 * at most 15 s: 2, 4, 8, 15 s with Dovecot's {@code auth_failure_delay = 2 secs}. A penalty is
 * forgotten once the address has been quiet for 15 s after its last failure reply went out (in
 * Dovecot's decay loop the first threshold is the largest, so it drops all steps at once or none).
 * IPv6 addresses count per
 * /48, Dovecot's mask, so that one host cannot escape by hopping through its own prefix. The table
 * keeps at most {@value #MAX_ENTRIES} addresses, forgetting the least recently used.
 */
final class PenaltyTable {

    static final int MAX_PENALTY = 4;
    static final Duration MAX_DELAY = Duration.ofSeconds(15);
    static final int MAX_ENTRIES = 10_000;
    private static final int IPV6_MASK_BYTES = 6;

    private record Entry(int penalty, long lastMillis) {
    }

    private final Map<InetAddress, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /**
     * Counts a failure at {@code nowMillis}.
     *
     * @param base the first failure's delay ({@code auth_failure_delay}); zero turns penalties off
     * @return how long the failure reply is held
     */
    synchronized Duration failure(InetAddress client, Duration base, long nowMillis) {
        if (client == null || base.isZero() || base.isNegative()) {
            return Duration.ZERO;
        }
        InetAddress key = key(client);
        int penalty = Math.min(MAX_PENALTY, current(entries.get(key), base, nowMillis) + 1);
        Duration delay = delay(penalty, base);
        // The client can try again only after our reply, so the quiet time counts from then.
        entries.put(key, new Entry(penalty, nowMillis + delay.toMillis()));
        return delay;
    }

    /** Forgets the address's penalty. */
    synchronized void success(InetAddress client) {
        if (client != null) {
            entries.remove(key(client));
        }
    }

    /** The penalty the address has now, after decay; for tests and the log. */
    synchronized int penalty(InetAddress client, Duration base, long nowMillis) {
        return client == null ? 0 : current(entries.get(key(client)), base, nowMillis);
    }

    /** The delay for a penalty: {@code base * 2^(penalty-1)}, at most {@link #MAX_DELAY} (or base, if larger). */
    static Duration delay(int penalty, Duration base) {
        Duration cap = base.compareTo(MAX_DELAY) > 0 ? base : MAX_DELAY;
        Duration d = base.multipliedBy(1L << Math.max(0, penalty - 1));
        return d.compareTo(cap) > 0 ? cap : d;
    }

    /** The entry's penalty, or 0 once the address has been quiet for the longest delay. */
    private static int current(Entry entry, Duration base, long nowMillis) {
        if (entry == null) {
            return 0;
        }
        long quiet = nowMillis - entry.lastMillis();
        return quiet >= delay(MAX_PENALTY, base).toMillis() ? 0 : entry.penalty();
    }

    static InetAddress key(InetAddress client) {
        if (!(client instanceof Inet6Address)) {
            return client;
        }
        byte[] bytes = client.getAddress();
        for (int i = IPV6_MASK_BYTES; i < bytes.length; i++) {
            bytes[i] = 0;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return client; // cannot happen for a 16-byte array
        }
    }
}
