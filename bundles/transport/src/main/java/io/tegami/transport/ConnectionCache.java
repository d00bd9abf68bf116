package io.tegami.transport;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Idle SMTP sessions kept for the next message to the same next hop, like Postfix's scache(8):
 * a session is put back after its transaction and a successful RSET, and is taken by the next
 * delivery to the same destination with the same client settings. A session idle longer than
 * {@code smtp_connection_cache_time_limit} is closed (QUIT) by {@link #sweep()}.
 */
final class ConnectionCache {

    private record Idle(Session session, long sinceNanos, long maxIdleNanos) {
        boolean expired(long now) {
            return now - sinceNanos > maxIdleNanos || !session.channel().isOpen();
        }
    }

    private final Map<String, Deque<Idle>> idle = new HashMap<>();
    private final Duration quitLimit;
    private boolean closed;

    /** @param quitLimit how long a QUIT to a session being dropped may take to write */
    ConnectionCache(Duration quitLimit) {
        this.quitLimit = quitLimit;
    }

    /** The most recently cached live session for {@code key}, or null. */
    Session take(String key) {
        List<Session> stale = new ArrayList<>();
        Session found = null;
        synchronized (this) {
            Deque<Idle> q = idle.get(key);
            long now = System.nanoTime();
            while (q != null && !q.isEmpty() && found == null) {
                Idle i = q.pollLast();
                if (i.expired(now)) {
                    stale.add(i.session());
                } else {
                    found = i.session();
                }
            }
            if (q != null && q.isEmpty()) {
                idle.remove(key);
            }
        }
        stale.forEach(s -> s.quit(quitLimit));
        return found;
    }

    /** Keeps {@code session} for at most {@code maxIdle}. */
    void put(String key, Session session, Duration maxIdle) {
        boolean accepted;
        synchronized (this) {
            accepted = !closed;
            if (accepted) {
                idle.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(new Idle(session, System.nanoTime(), maxIdle.toNanos()));
            }
        }
        if (!accepted) {
            session.quit(quitLimit);
        }
    }

    /** Closes the sessions idle too long. */
    void sweep() {
        List<Session> stale = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            for (Iterator<Deque<Idle>> it = idle.values().iterator(); it.hasNext();) {
                Deque<Idle> q = it.next();
                q.removeIf(i -> i.expired(now) && stale.add(i.session()));
                if (q.isEmpty()) {
                    it.remove();
                }
            }
        }
        stale.forEach(s -> s.quit(quitLimit));
    }

    /** Closes every idle session; later puts are closed at once. */
    void closeAll() {
        List<Session> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(q -> q.forEach(i -> all.add(i.session())));
            idle.clear();
        }
        all.forEach(s -> s.quit(quitLimit));
    }

    /** Sessions idle now (for tests). */
    synchronized int size() {
        return idle.values().stream().mapToInt(Deque::size).sum();
    }
}
