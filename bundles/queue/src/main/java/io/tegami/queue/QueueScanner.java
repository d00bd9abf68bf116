package io.tegami.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds work on disk: recovery when the queue starts (after a clean stop or a crash alike) and the
 * periodic queue run every {@code queue_run_delay}.
 */
final class QueueScanner {

    private static final Logger LOG = LoggerFactory.getLogger(QueueScanner.class);

    /**
     * An incoming file this young may belong to a writer between creating and locking it; leave it.
     * Stale files only cost disk space (they are never delivered), so waiting is harmless.
     */
    static final Duration INCOMING_GRACE = Duration.ofMinutes(1);

    private final QueueContext ctx;

    QueueScanner(QueueContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Start-up: drop what was never acknowledged, drop bookkeeping of messages that are gone, then
     * deliver everything in {@code active/} now and everything in {@code deferred/} at its retry time.
     */
    void recover() throws IOException {
        sweepIncoming();
        sweepOrphans(Spool.DEFER_LOG);
        sweepOrphans(Spool.BOUNCE_LOG);
        List<String> active = ctx.spool().ids(Spool.ACTIVE);
        List<String> deferred = ctx.spool().ids(Spool.DEFERRED);
        if (!active.isEmpty() || !deferred.isEmpty()) {
            LOG.info("queue recovery: {} active, {} deferred message(s)", active.size(), deferred.size());
        }
        active.forEach(id -> ctx.manager().submit(id, false));
        for (String id : deferred) {
            DeferState state = DeferState.read(ctx.deferLog(id)).orElse(DeferState.NONE);
            ctx.manager().submitAt(id, state.nextRetry());
        }
    }

    /** The periodic queue run: anything in active/ not being handled, anything deferred that is due. */
    void scan() {
        try {
            sweepIncoming();
            for (String id : ctx.spool().ids(Spool.ACTIVE)) {
                ctx.manager().submitIfIdle(id);
            }
            Instant now = ctx.clock().instant();
            for (String id : ctx.spool().ids(Spool.DEFERRED)) {
                DeferState state = DeferState.read(ctx.deferLog(id)).orElse(DeferState.NONE);
                if (!state.nextRetry().isAfter(now)) {
                    ctx.manager().submitIfIdle(id);
                }
            }
        } catch (IOException e) {
            LOG.warn("queue scan: {}", e.toString());
        }
    }

    /**
     * Deals with files in {@code incoming/} that no writer holds any more (a writer keeps its file
     * locked until commit or close, so an unlocked file was left by a crash): one marked committed
     * was acknowledged, and its move to {@code active/} was lost, so it goes there now; any other
     * was never acknowledged and is deleted once it is older than {@link #INCOMING_GRACE}. A lock
     * held by this JVM (a receiver still writing across a bundle update) shows up as
     * {@link OverlappingFileLockException}: the JDK tracks file locks per JVM, across channels, so
     * this test does not depend on the OS lock that closing our probe channel drops.
     */
    void sweepIncoming() throws IOException {
        Instant cutoff = ctx.clock().instant().minus(INCOMING_GRACE);
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(ctx.spool().dir(Spool.INCOMING))) {
            for (Path file : dir) {
                String name = file.getFileName().toString();
                try {
                    if (Spool.isCommitted(file) && QueueIds.isQueueId(name)) {
                        // Marked only by a writer holding the lock: no grace needed, the lock tells.
                        if (isAbandoned(file)) {
                            ctx.spool().move(name, Spool.INCOMING, Spool.ACTIVE);
                            LOG.info("{}: committed message recovered from {}/", name, Spool.INCOMING);
                        }
                        continue;
                    }
                    if (Files.getLastModifiedTime(file).toInstant().isAfter(cutoff)) {
                        continue;
                    }
                    if (isAbandoned(file)) {
                        Files.deleteIfExists(file);
                        LOG.info("{}: removed stale incoming file (never acknowledged)", name);
                    }
                } catch (NoSuchFileException e) {
                    // committed or closed meanwhile
                }
            }
        }
    }

    private static boolean isAbandoned(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return false; // held by another process
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    /** Deletes bookkeeping files whose message is no longer in any queue (crash during removal). */
    private void sweepOrphans(String logDir) throws IOException {
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(ctx.spool().dir(logDir))) {
            for (Path file : dir) {
                String name = file.getFileName().toString();
                boolean orphan = name.endsWith(".tmp") || !QueueIds.isQueueId(name) || ctx.spool().locate(name).isEmpty();
                if (orphan) {
                    Files.deleteIfExists(file);
                    LOG.debug("removed orphaned {}/{}", logDir, name);
                }
            }
        }
    }
}
