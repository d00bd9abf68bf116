package io.tegami.net;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;

/**
 * The listener's {@code record_deadline}: the longest a client may take to send one line, from
 * its first byte to its end. The idle timeout alone is restarted by every byte, so a client that
 * trickles a byte every few seconds (slowloris) would hold its connection for ever; Postfix's
 * {@code smtpd_per_record_deadline} closes that hole the same way. Zero turns it off. Session
 * thread only; the timer runs on the event loop and hands its check back to the session thread.
 */
final class RecordDeadline {

    private final long nanos;
    /** When the line being received started, or 0 when no line is partly received. */
    private long partialSince;
    private boolean armed;

    RecordDeadline(long nanos) {
        this.nanos = Math.max(0, nanos);
    }

    /** A line or chunk reached the session: the next one has its own deadline. */
    void delivered() {
        partialSince = 0;
    }

    /**
     * After a read: notes whether a line is partly received, and arms the timer if it is not armed
     * yet; {@code expired} runs on the session thread once a line has been pending for too long.
     */
    void partial(boolean partial, EventLoop loop, EventExecutor session, Runnable expired) {
        if (nanos == 0 || !partial) {
            partialSince = 0;
            return;
        }
        if (partialSince == 0) {
            partialSince = System.nanoTime();
        }
        if (!armed) {
            arm(loop, session, expired, nanos);
        }
    }

    private void arm(EventLoop loop, EventExecutor session, Runnable expired, long delay) {
        armed = true;
        try {
            loop.schedule(() -> {
                try {
                    session.execute(() -> check(loop, session, expired));
                } catch (RejectedExecutionException e) {
                    // the session threads are stopping, and the connection with them
                }
            }, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            armed = false; // the loop is stopping; so is the connection
        }
    }

    private void check(EventLoop loop, EventExecutor session, Runnable expired) {
        armed = false;
        if (partialSince == 0) {
            return;
        }
        long left = partialSince + nanos - System.nanoTime();
        if (left > 0) {
            arm(loop, session, expired, left); // a newer line started since the timer was set
            return;
        }
        partialSince = 0;
        expired.run();
    }
}
