package io.tegami.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.tegami.api.queue.QueueException;
import io.tegami.api.queue.QueuedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code postsuper} and {@code postqueue} do to single messages: hold, release, requeue,
 * flush one, open for {@code postcat}.
 *
 * <p>Moves between queues happen inside {@link QueueManager#exclusive}, so a file is never
 * renamed under a pass that is delivering it. A message being delivered when it is put on hold is
 * held when its pass has finished the recipient in hand (Postfix's {@code postsuper -h} likewise
 * cannot take a message away from a delivery agent that has it).
 */
final class QueueAdmin {

    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.queue.postsuper");

    private final QueueContext ctx;

    QueueAdmin(QueueContext ctx) {
        this.ctx = ctx;
    }

    /** {@code postsuper -h}: active or deferred to hold. */
    boolean hold(String id) throws QueueException {
        if (!QueueIds.isQueueId(id)) {
            return false;
        }
        return io(id, "hold", () -> ctx.manager().exclusive(id, running -> {
            if (running) {
                // Never rename under a pass (it may be moving the file itself): ask it to stop after
                // the recipient in hand; the message goes on hold when the pass has ended.
                Optional<String> queue = ctx.spool().locate(id);
                if (queue.isEmpty() || queue.get().equals(Spool.HOLD)) {
                    return false;
                }
                ctx.manager().requestHold(id);
                LOG.info("{}: placed on hold", id);
                return true;
            }
            return moveToHold(id);
        }));
    }

    /**
     * After a pass during which the message was requeued and/or put on hold: reset its back-off,
     * and move it to hold from wherever the pass left it.
     */
    void afterPass(String id, boolean hold, boolean reset) {
        try {
            ctx.manager().exclusive(id, running -> {
                if (running) { // another pass took it meanwhile: ask that one
                    if (reset) {
                        ctx.manager().requestReset(id);
                    }
                    if (hold) {
                        ctx.manager().requestHold(id);
                    }
                    return false;
                }
                if (reset && ctx.spool().locate(id).isPresent()) {
                    resetBackoff(id);
                }
                return hold && moveToHold(id);
            });
        } catch (IOException e) {
            LOG.error("{}: cannot update after its delivery pass: {}", id, e.toString());
        }
    }

    private boolean moveToHold(String id) throws IOException {
        for (String from : new String[] {Spool.ACTIVE, Spool.DEFERRED}) {
            try {
                ctx.spool().move(id, from, Spool.HOLD);
                LOG.info("{}: placed on hold", id);
                return true;
            } catch (NoSuchFileException e) {
                // not in this queue
            }
        }
        return false;
    }

    /** {@code postsuper -H}: hold to deferred, due now, keeping its back-off history. */
    boolean release(String id) throws QueueException {
        if (!QueueIds.isQueueId(id)) {
            return false;
        }
        boolean released = io(id, "release", () -> ctx.manager().exclusive(id, running -> {
            if (ctx.manager().cancelHold(id)) {
                return true; // its pass had not ended yet: simply not held after all
            }
            if (!moveOut(id, Spool.HOLD)) {
                return false;
            }
            DeferState state = DeferState.read(ctx.deferLog(id)).orElse(DeferState.NONE);
            state.dueAt(ctx.clock().instant()).write(ctx.deferLog(id));
            return true;
        }));
        if (released) {
            LOG.info("{}: released from hold", id);
            ctx.manager().submit(id, true);
        }
        return released;
    }

    /**
     * {@code postsuper -r}: from any queue back into delivery with its back-off reset. Routing is
     * computed per recipient on every pass, so the next pass routes it afresh.
     */
    boolean requeue(String id) throws QueueException {
        if (!QueueIds.isQueueId(id)) {
            return false;
        }
        boolean requeued = io(id, "requeue", () -> ctx.manager().exclusive(id, running -> {
            boolean wasHeld = ctx.manager().cancelHold(id);
            if (!wasHeld && ctx.spool().locate(id).isEmpty()) {
                return false;
            }
            moveOut(id, Spool.HOLD);
            if (running) {
                ctx.manager().requestReset(id); // the pass owns the defer log until it ends
            } else {
                resetBackoff(id);
            }
            return true;
        }));
        if (requeued) {
            LOG.info("{}: requeued", id);
            ctx.manager().submit(id, true);
        }
        return requeued;
    }

    /** Attempts back to 0, due now: the back-off starts over; a delay warning sent stays sent. */
    private void resetBackoff(String id) throws IOException {
        DeferState old = DeferState.read(ctx.deferLog(id)).orElse(DeferState.NONE);
        new DeferState(0, ctx.clock().instant(), null, Map.of(), old.warned()).write(ctx.deferLog(id));
    }

    /** {@code postqueue -i}: one message now, if it is active or deferred. */
    boolean flush(String id) {
        if (!QueueIds.isQueueId(id)) {
            return false;
        }
        Optional<String> queue = ctx.spool().locate(id);
        if (queue.isEmpty() || queue.get().equals(Spool.HOLD)) {
            return false;
        }
        ctx.manager().submit(id, true);
        return true;
    }

    /** {@code postcat -q}: the message as a delivery agent would see it. */
    Optional<QueuedMessage> open(String id) throws QueueException {
        if (!QueueIds.isQueueId(id)) {
            return Optional.empty();
        }
        for (int round = 0; round < 2; round++) { // a message moving between queues may be missed once
            for (String queue : Spool.MESSAGE_QUEUES) {
                Path file = ctx.spool().file(queue, id);
                try {
                    SpoolHeader header = SpoolFormat.read(file);
                    return Optional.of(new SpoolMessage(file, header, Files.size(file)));
                } catch (NoSuchFileException e) {
                    // try the next queue
                } catch (IOException e) {
                    throw new QueueException(id + ": cannot read queue file: " + e.getMessage(), e);
                }
            }
        }
        return Optional.empty();
    }

    /** Moves a message out of {@code queue} into deferred; false if it is not there. */
    private boolean moveOut(String id, String queue) throws IOException {
        try {
            ctx.spool().move(id, queue, Spool.DEFERRED);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private interface IoWork<T> {
        T run() throws IOException;
    }

    private static <T> T io(String id, String what, IoWork<T> work) throws QueueException {
        try {
            return work.run();
        } catch (IOException e) {
            throw new QueueException(id + ": cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
