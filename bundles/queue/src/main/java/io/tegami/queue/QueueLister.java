package io.tegami.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.tegami.api.queue.QueueEntry;
import io.tegami.api.queue.QueueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads queue entries for {@code mailq} from the queue files themselves, so the listing is what
 * is on disk, not what the queue manager believes.
 */
final class QueueLister {

    private static final Logger LOG = LoggerFactory.getLogger(QueueLister.class);

    private final Spool spool;

    QueueLister(Spool spool) {
        this.spool = spool;
    }

    /** Every message in active/, deferred/ and hold/, oldest first. */
    List<QueueEntry> list() throws QueueException {
        List<QueueEntry> entries = new ArrayList<>();
        try {
            for (String queue : Spool.MESSAGE_QUEUES) {
                for (String id : spool.ids(queue)) {
                    read(queue, id).ifPresent(entries::add);
                }
            }
        } catch (IOException e) {
            throw new QueueException("cannot list the queue: " + e.getMessage(), e);
        }
        entries.sort(Comparator.comparing(QueueEntry::arrivalTime).thenComparing(QueueEntry::queueId));
        return entries;
    }

    Optional<QueueEntry> find(String queueId) {
        if (!QueueIds.isQueueId(queueId)) {
            return Optional.empty(); // also keeps "../x" out of file names
        }
        // Twice: a message moving between queues may be missed by one round of lookups.
        for (int round = 0; round < 2; round++) {
            for (String queue : Spool.MESSAGE_QUEUES) {
                Optional<QueueEntry> e = read(queue, queueId);
                if (e.isPresent()) {
                    return e;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<QueueEntry> read(String queue, String id) {
        Path file = spool.file(queue, id);
        try {
            SpoolHeader h = SpoolFormat.read(file);
            long size = Math.max(0, Files.size(file) - h.contentOffset());
            DeferState state = DeferState.read(spool.file(Spool.DEFER_LOG, id)).orElse(DeferState.NONE);
            // Reasons are those of the last pass; a recipient it did not reach has none.
            List<QueueEntry.Recipient> recipients = h.pendingAddresses().stream()
                    .map(a -> new QueueEntry.Recipient(a, state.reasons().get(a), h.envelope().dsn(a))).toList();
            return Optional.of(new QueueEntry(id, queue, h.envelope(), h.pendingAddresses(), size, h.arrival(),
                    state.reason(), recipients));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("{}: not listed: {}", id, e.toString());
            return Optional.empty();
        }
    }
}
