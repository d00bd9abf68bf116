package io.tegami.queue;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.EnumSet;
import java.util.function.Consumer;

import io.tegami.api.mail.Envelope;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one message into {@code incoming/} and commits it to {@code active/}.
 *
 * <p>The file carries an exclusive lock while it is written, which is how the sweep of
 * {@code incoming/} tells a file still being written (by a receiver that outlived a bundle update)
 * from one left behind by a crash.
 *
 * <p>Commit: flush, mark the file committed (mode 0700, as Postfix's cleanup does), fsync it, fsync
 * {@code incoming/} so that its entry is durable too, rename it into {@code active/}, and only then
 * report success and hand the id over. The directory fsync is a group commit: sessions committing
 * at once share one ({@link DirectorySync}), but none returns before an fsync that began after its
 * own fsync has succeeded. Postfix syncs no directory at all; this one comes after the file's,
 * which on Linux file systems has made the entry durable already, so it costs little more than a
 * cache flush. The rename is not synced: if a crash loses it, the file is still in
 * {@code incoming/}, marked committed, and the sweep delivers it. Where the file system has no
 * POSIX modes to mark the file, the commit syncs {@code active/} after the rename instead.
 */
final class SpoolWriter implements MessageWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolWriter.class);
    private static final int MAX_ID_ATTEMPTS = 100;

    private final Spool spool;
    private final String queueId;
    private final FileChannel channel;
    private final CountingStream content;
    private final Consumer<String> handoff;
    private boolean committed;
    private boolean closed;

    private SpoolWriter(Spool spool, String queueId, FileChannel channel, Consumer<String> handoff) {
        this.spool = spool;
        this.queueId = queueId;
        this.channel = channel;
        this.content = new CountingStream(new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024));
        this.handoff = handoff;
    }

    /**
     * Creates {@code incoming/<ID>} with a fresh id and writes the envelope.
     *
     * @param handoff told the id once the message is committed
     */
    static SpoolWriter create(Spool spool, QueueIds ids, Envelope envelope, Instant arrival, Consumer<String> handoff)
            throws QueueException {
        for (int attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
            String id = ids.next();
            if (spool.locate(id).isPresent()) {
                continue; // same id as a queued message (clock stepped back): take the next one
            }
            Path path = spool.file(Spool.INCOMING, id);
            FileChannel ch;
            try {
                ch = FileChannel.open(path, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        Spool.fileMode());
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                throw new QueueException("cannot create queue file: " + e.getMessage(), e);
            }
            SpoolWriter writer = new SpoolWriter(spool, id, ch, handoff);
            try {
                lock(ch);
                SpoolFormat.writeEnvelope(writer.content.raw(), id, arrival, envelope);
                return writer;
            } catch (IOException | RuntimeException e) {
                writer.close();
                throw new QueueException("cannot write queue file: " + e.getMessage(), e);
            }
        }
        throw new QueueException("no free queue id after " + MAX_ID_ATTEMPTS + " attempts");
    }

    private static void lock(FileChannel ch) throws IOException {
        FileLock lock = ch.tryLock();
        if (lock == null) {
            throw new IOException("queue file locked by another process");
        }
        // The lock is released when the channel closes, after commit or close.
    }

    @Override
    public String queueId() {
        return queueId;
    }

    @Override
    public OutputStream content() {
        return content;
    }

    /** Content bytes written so far. */
    long size() {
        return content.count();
    }

    @Override
    public String commit() throws QueueException {
        if (committed) {
            return queueId;
        }
        if (closed) {
            throw new QueueException(queueId + ": message already discarded");
        }
        Path incoming = spool.file(Spool.INCOMING, queueId);
        Path active = spool.file(Spool.ACTIVE, queueId);
        try {
            content.flush();
            if (Spool.marksCommits()) {
                Spool.markCommitted(incoming);
                channel.force(true); // content, size and the commit mark
                spool.sync(Spool.INCOMING); // and the entry
            } else {
                channel.force(true);
            }
            Files.move(incoming, active, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            close();
            throw new QueueException(queueId + ": cannot commit: " + e.getMessage(), e);
        }
        if (!Spool.marksCommits()) {
            try {
                spool.sync(Spool.ACTIVE); // shared with the sessions committing at the same time
            } catch (IOException e) {
                // Not durable, so not queued: the caller will answer 4xx, and must not find it delivered.
                deleteQuietly(active);
                close();
                throw new QueueException(queueId + ": cannot sync queue directory: " + e.getMessage(), e);
            }
        }
        committed = true;
        closeChannel();
        LOG.debug("{}: committed, size={}", queueId, content.count());
        try {
            handoff.accept(queueId);
        } catch (RuntimeException e) {
            // Durable already; the periodic queue scan will pick it up.
            LOG.warn("{}: queue manager hand-off failed: {}", queueId, e.toString());
        }
        return queueId;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!committed) {
            // Deleted while still locked: a file marked committed by a commit that failed later
            // must never be found unlocked by the sweep, which would deliver it.
            deleteQuietly(spool.file(Spool.INCOMING, queueId));
        }
        closeChannel();
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("{}: close: {}", queueId, e.toString());
        }
    }

    private void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("{}: cannot remove {}: {}", queueId, file, e.toString());
        }
    }

    /** Counts content bytes and ignores close(): the writer owns the underlying channel. */
    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        /** The stream below, for the envelope part, which is not content and not counted. */
        OutputStream raw() {
            return out;
        }

        long count() {
            return count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
