package io.tegami.net;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener's live sessions: the connection limit, the count per client address (Postfix's
 * anvil count, which a protocol may limit), and ending sessions when their handler leaves.
 */
final class SessionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

    private final Set<SessionHandler> live = ConcurrentHashMap.newKeySet();
    /** Live sessions per client IP address (null for channels without one). Guarded by this. */
    private final Map<InetAddress, Integer> perClient = new HashMap<>();

    /**
     * Registers a new session unless {@code max} are live already ({@code max <= 0}: no limit).
     * The session leaves the registry when its channel closes.
     */
    synchronized boolean add(SessionHandler session, int max) {
        if (max > 0 && live.size() >= max) {
            return false;
        }
        live.add(session);
        perClient.merge(session.clientIp(), 1, Integer::sum);
        session.channel().closeFuture().addListener(f -> remove(session));
        return true;
    }

    private synchronized void remove(SessionHandler session) {
        if (live.remove(session)) {
            perClient.computeIfPresent(session.clientIp(), (ip, n) -> n <= 1 ? null : n - 1);
        }
    }

    int size() {
        return live.size();
    }

    /** The live sessions now, for {@link SessionDrain}. */
    List<SessionHandler> snapshot() {
        return List.copyOf(live);
    }

    /** The live sessions from {@code ip}, counting one that is closing until its channel has closed. */
    synchronized int fromClient(InetAddress ip) {
        return perClient.getOrDefault(ip, 0);
    }

    /**
     * Asks the chosen sessions to say goodbye, waits up to {@code grace} for them to close, then
     * closes what is left. Blocks the caller: use it from a DS thread, never an event loop.
     */
    void shutdown(Predicate<SessionHandler> which, Duration grace) {
        List<SessionHandler> targets = live.stream().filter(which).toList();
        if (targets.isEmpty()) {
            return;
        }
        targets.forEach(SessionHandler::requestShutdown);
        long deadline = System.nanoTime() + grace.toNanos();
        for (SessionHandler s : targets) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0 || !s.channel().closeFuture().awaitUninterruptibly(left)) {
                break;
            }
        }
        int forced = 0;
        for (SessionHandler s : targets) {
            if (s.channel().isOpen()) {
                s.channel().close();
                forced++;
            }
        }
        if (forced > 0) {
            LOG.info("closed {} session(s) that had not ended within {} ms", forced, grace.toMillis());
        }
    }
}
