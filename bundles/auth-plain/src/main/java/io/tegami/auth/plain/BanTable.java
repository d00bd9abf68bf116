package io.tegami.auth.plain;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The auth-failure ban: an address (an IPv6 /48, as for the penalty) that fails
 * {@code tegami_auth_failure_ban_limit} logins, none more than {@code tegami_auth_failure_ban_time}
 * after the previous one, is banned for that time: every protocol then answers its failure
 * without checking the password. Unlike the penalty, a success does not lift a ban (a banned
 * client cannot succeed). At most {@value #MAX_ENTRIES} addresses are kept, least recently used
 * first out, so a flood of addresses costs bounded memory.
 */
final class BanTable {

    static final int MAX_ENTRIES = 10_000;

    /** Failures counted since {@code lastMillis}'s run began; banned until {@code bannedUntil}. */
    private record Entry(int failures, long lastMillis, long bannedUntil) {
    }

    private final Map<InetAddress, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /**
     * Counts a failure.
     *
     * @param limit failures that start a ban; 0 or less: never
     * @return true when this failure started a ban
     */
    synchronized boolean failure(InetAddress client, int limit, long banMillis, long nowMillis) {
        if (client == null || limit <= 0 || banMillis <= 0) {
            return false;
        }
        InetAddress key = PenaltyTable.key(client);
        Entry e = entries.get(key);
        if (e != null && nowMillis < e.bannedUntil()) {
            return false; // banned already; the ban runs its time
        }
        int failures = e == null || nowMillis - e.lastMillis() > banMillis ? 1 : e.failures() + 1;
        if (failures >= limit) {
            entries.put(key, new Entry(0, nowMillis, nowMillis + banMillis));
            return true;
        }
        entries.put(key, new Entry(failures, nowMillis, 0));
        return false;
    }

    synchronized boolean banned(InetAddress client, long nowMillis) {
        if (client == null) {
            return false;
        }
        Entry e = entries.get(PenaltyTable.key(client));
        return e != null && nowMillis < e.bannedUntil();
    }
}
