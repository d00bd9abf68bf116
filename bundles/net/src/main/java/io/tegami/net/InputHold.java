package io.tegami.net;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;

/**
 * Input held back while {@code Connection.executeAfter} tasks are pending (an auth penalty, an
 * error tarpit, a pre-greet wait). While held, the session hears no input callbacks and the
 * channel is asked for at most one more read, whose bytes are kept here: the rest waits in TCP,
 * so a client that keeps sending meets back-pressure rather than our memory. The count may be
 * raised from any thread; everything else runs on the session thread.
 */
final class InputHold {

    private final AtomicInteger pending = new AtomicInteger();
    /** Input that arrived while held, in order; null when none. */
    private ByteBuf kept;

    /**
     * Takes a hold and has an event loop timer (no thread waits) hand {@code resume} to the
     * session executor after {@code delay}; {@code resume} must {@link #release()}.
     *
     * @return false, with no hold taken, when the event loop is stopping
     */
    boolean schedule(Channel channel, EventExecutor session, Duration delay, Runnable resume) {
        take();
        try {
            channel.eventLoop().schedule(() -> {
                try {
                    session.execute(resume);
                } catch (RejectedExecutionException e) {
                    channel.close(); // the session threads are stopping
                }
            }, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            release();
            return false;
        }
    }

    /** True while at least one delayed task has not run. */
    boolean active() {
        return pending.get() > 0;
    }

    void take() {
        pending.incrementAndGet();
    }

    /** One delayed task ran (or was refused); true when no other is pending. */
    boolean release() {
        return pending.updateAndGet(n -> Math.max(0, n - 1)) == 0;
    }

    /** Keeps what {@code in} still holds, after what was kept before. */
    void keep(ByteBuf in, ByteBufAllocator alloc) {
        if (!in.isReadable()) {
            return;
        }
        if (kept == null) {
            kept = alloc.buffer(in.readableBytes());
        }
        kept.writeBytes(in);
    }

    /** True when input is waiting here: no further read is requested until it is consumed. */
    boolean hasInput() {
        return kept != null && kept.isReadable();
    }

    /** Hands the kept input over (the caller releases it); null when none. */
    ByteBuf takeInput() {
        ByteBuf b = kept;
        kept = null;
        return b;
    }

    /** Drops kept input (the connection closed). */
    void discard() {
        if (kept != null) {
            kept.release();
            kept = null;
        }
    }
}
