package io.tegami.net;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;
import io.tegami.api.net.ProtocolSession;

/**
 * {@code postfix stop} for one listener's sessions, once its port is closed: tells every live
 * session {@link ProtocolSession#drainRequested()} on its own thread, and completes when none is
 * left open, or when the bound has passed. It polls (every {@value #POLL_MILLIS} ms) rather than
 * counting close events, so a connection accepted just as the port closed is told too; it never
 * blocks a thread while waiting.
 */
final class SessionDrain {

    static final long POLL_MILLIS = 100;

    private final SessionRegistry sessions;
    /** Sessions told already; one whose protocol session did not exist yet is told again later. */
    private final Set<SessionHandler> told = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    SessionDrain(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    /** Starts telling the sessions; the stage completes when they are all closed or {@code bound} has passed. */
    CompletionStage<Void> start(Duration bound) {
        done.completeOnTimeout(null, Math.max(0, bound.toMillis()), TimeUnit.MILLISECONDS);
        poll();
        return done.minimalCompletionStage();
    }

    private void poll() {
        if (done.isDone()) {
            return;
        }
        for (SessionHandler s : sessions.snapshot()) {
            if (told.add(s)) {
                tell(s);
            }
        }
        if (sessions.size() == 0) {
            done.complete(null);
            return;
        }
        CompletableFuture.delayedExecutor(POLL_MILLIS, TimeUnit.MILLISECONDS).execute(this::poll);
    }

    private void tell(SessionHandler s) {
        ChannelHandlerContext c = s.channel().pipeline().context(s);
        if (c == null) {
            told.remove(s); // not in its pipeline yet: the next poll tries again
            return;
        }
        try {
            c.executor().execute(() -> {
                ProtocolSession p = s.session();
                if (p == null) {
                    told.remove(s); // accepted but not started (or refused): again at the next poll
                    return;
                }
                s.runTask(p::drainRequested); // skipped if it closed meanwhile; errors close it
            });
        } catch (RejectedExecutionException e) {
            s.channel().close(); // the session threads are stopping already
        }
    }
}
