package io.tegami.net;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A listener's live sessions: the connection limit, and ending sessions when their handler leaves. */
final class SessionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

    private final Set<SessionHandler> live = ConcurrentHashMap.newKeySet();

    /**
     * Registers a new session unless {@code max} are live already ({@code max <= 0}: no limit).
     * The session leaves the registry when its channel closes.
     */
    synchronized boolean add(SessionHandler session, int max) {
        if (max > 0 && live.size() >= max) {
            return false;
        }
        live.add(session);
        session.channel().closeFuture().addListener(f -> live.remove(session));
        return true;
    }

    int size() {
        return live.size();
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
