package io.tegami.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a finished message: its defer log, then its queue file, go.
 *
 * <p>When the last recipient was not marked done (see {@link DeliveryPass}), the unlink is what
 * records that it was delivered. It is made durable by an fsync of {@code active/} within
 * {@link Spool#REMOVAL_SYNC_DELAY}, one for all the removals of that time ({@link BackgroundSync}),
 * and the pass does not wait for it. A crash before that fsync may bring the file back and deliver
 * to that recipient a second time; it can never lose the message, which the agent made durable
 * before it said SENT. (Postfix takes that risk for far longer: it syncs neither its done marks
 * nor the unlink.) What it saves is a disk flush per message, where a done mark costs one.
 */
final class Removal {

    private static final Logger LOG = LoggerFactory.getLogger(Removal.class);

    private Removal() {
    }

    /**
     * Removes the message {@code id}, whose file is {@code file} in {@code active/}.
     *
     * @param unmarked the delivered recipient whose done mark the removal replaces, or null if
     *        every recipient is marked (then a removal lost in a crash is only redone, never a
     *        delivery)
     * @return false if the queue file could not be removed
     */
    static boolean remove(QueueContext ctx, String id, Path file, SpoolHeader.Recipient unmarked) {
        // The hint first: a crash in between leaves a finished message that the next pass removes.
        try {
            Files.deleteIfExists(ctx.deferLog(id));
        } catch (IOException e) {
            LOG.debug("{}: cannot remove its defer log: {}", id, e.toString());
        }
        boolean existed;
        try {
            existed = Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.error("{}: cannot remove queue file: {}", id, e.toString());
            return false;
        }
        if (unmarked != null) {
            ctx.spool().syncActiveSoon().whenComplete((ok, e) -> {
                if (e != null) {
                    LOG.error("{}: cannot sync {}/ after removal ({}); a crash now would deliver to <{}> again", id,
                            Spool.ACTIVE, e.toString(), unmarked.address());
                }
            });
        }
        if (existed) {
            DeliveryLog.removed(id);
        } // else deleted by an administrator meanwhile, who logged it
        return true;
    }
}
