package io.tegami.examples.greylist;

import java.net.InetAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * postgrey's algorithm over in-memory state: a triplet seen for the first time is deferred; a
 * retry at least {@code delay} later passes, and the triplet then passes at once while it is seen
 * at least every {@code max_age}. A first retry later than {@code retry_window} starts the wait
 * again. A client address whose triplets passed {@code auto_whitelist_clients} times (at most one
 * counted per hour) is not greylisted any more.
 *
 * <p>Both tables are bounded (least recently used entries go first), so a flood of forged senders
 * cannot exhaust memory: it only makes old triplets wait again. State is lost on restart, as with
 * postgrey on a fresh database: known senders wait once more. Thread-safe; calls are short and
 * never block on anything but this object's lock.
 */
final class Greylist {

    /** What the greylist says of one attempt. */
    sealed interface Verdict {
    }

    /** Not yet: retry in {@code secondsLeft} seconds. {@code retry} is false for a new triplet. */
    record Defer(long secondsLeft, boolean retry) implements Verdict {
    }

    /** Passes; {@code waited} seconds since the first attempt, or -1 for a triplet that passed before. */
    record Pass(long waited) implements Verdict {
    }

    /** The client address is auto-whitelisted. */
    record Whitelisted() implements Verdict {
    }

    private static final long AWL_UPDATE_SECONDS = 3600;

    /** First and last attempt of one triplet, in epoch seconds. */
    private record Seen(long first, long last) {
    }

    /** Triplets that passed, counted for one client address, and when the count last grew. */
    private record Passes(long count, long last) {
    }

    private final Clock clock;
    private volatile GreylistSettings settings;
    private final Map<String, Seen> triplets;
    private final Map<String, Passes> clients;

    Greylist(GreylistSettings settings, Clock clock) {
        this.clock = clock;
        this.settings = settings;
        this.triplets = lru(settings.maxEntries());
        this.clients = lru(settings.maxEntries());
    }

    /** New settings take effect at the next check; the state is kept (a smaller bound trims it then). */
    void update(GreylistSettings next) {
        settings = next;
    }

    /** The settings in force. */
    GreylistSettings settings() {
        return settings;
    }

    /** Checks one delivery attempt and records it. */
    synchronized Verdict check(InetAddress client, String sender, String recipient) {
        GreylistSettings s = settings;
        long now = clock.instant().getEpochSecond();
        long maxAge = s.maxAge().toSeconds();
        String clientKey = client.getHostAddress();

        Passes passes = fresh(clients.get(clientKey), now, maxAge);
        if (s.autoWhitelistClients() > 0 && passes != null && passes.count() >= s.autoWhitelistClients()) {
            if (now >= passes.last() + AWL_UPDATE_SECONDS || passes.last() > now) {
                put(clients, clientKey, new Passes(passes.count() + 1, now), s);
            }
            return new Whitelisted();
        }

        String key = Triplet.key(client, sender, recipient);
        long delay = s.delay().toSeconds();
        Seen seen = triplets.get(key);
        if (seen != null && now - seen.last() > maxAge) {
            seen = null; // forgotten, as postgrey's maintenance would have deleted it
        }
        long first = now;
        boolean passedBefore = false;
        if (seen != null) {
            first = seen.first();
            passedBefore = seen.last() - seen.first() >= delay;
            if (!passedBefore && now - first > s.retryWindow().toSeconds()) {
                first = now; // the first retry came too late: wait again
            }
            if (first > now) {
                first = now; // the clock went back
            }
        }
        put(triplets, key, new Seen(first, now), s);

        long left = delay - (now - first);
        if (left > 0) {
            return new Defer(left, seen != null && first != now);
        }
        if (passedBefore) {
            return new Pass(-1);
        }
        if (s.autoWhitelistClients() > 0 && (passes == null || now >= passes.last() + AWL_UPDATE_SECONDS)) {
            put(clients, clientKey, new Passes(passes == null ? 1 : passes.count() + 1, now), s);
        }
        return new Pass(now - first);
    }

    /** How many triplets are remembered now. */
    synchronized int size() {
        return triplets.size();
    }

    private static Passes fresh(Passes passes, long now, long maxAge) {
        return passes == null || now - passes.last() > maxAge ? null : passes;
    }

    private static <V> void put(Map<String, V> map, String key, V value, GreylistSettings s) {
        map.put(key, value);
        // The bound can shrink on reconfiguration: drop the least recently used beyond it.
        var eldest = map.keySet().iterator();
        while (map.size() > s.maxEntries() && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    /** An access-ordered map: iteration starts at the least recently used entry. */
    private static <V> Map<String, V> lru(int initialBound) {
        return new LinkedHashMap<>(Math.min(initialBound, 1024), 0.75f, true);
    }
}
