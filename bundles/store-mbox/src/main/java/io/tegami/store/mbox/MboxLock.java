package io.tegami.store.mbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The locks on one mbox file, taken the way Postfix local takes them (dot-lock, then open, then
 * an fcntl lock on the whole file) and released together. Readers take a shared fcntl lock only,
 * as Dovecot's {@code mbox_read_locks = fcntl}.
 *
 * <p>Programs disagree on the order (Dovecot on Debian takes fcntl first, then the dot-lock), so
 * a writer holding the dot-lock waits only a little for fcntl; if it cannot get it, it lets go of
 * everything and starts again, which breaks the deadlock with such a program. After locking, the
 * path is checked to still name the file that was locked: a program that rewrote the mbox by
 * renaming a new file over it (as Tegami does) would otherwise leave us writing into the old one.
 *
 * <p>Java's fcntl locks belong to the process, and closing any channel of the file drops them:
 * callers hold the {@link Folder}'s in-process lock around an {@code MboxLock} and never close
 * another channel of the file meanwhile.
 */
final class MboxLock implements AutoCloseable {

    /** How long a writer holding the dot-lock waits for the fcntl lock before starting over. */
    private static final long FCNTL_SLICE_NANOS = Duration.ofSeconds(5).toNanos();

    final FileChannel channel;
    /** The file's modification time when it was locked (see {@link #markModified}). */
    final FileTime mtimeAtLock;
    private final FileLock fcntl;
    private final DotLock dot;

    private MboxLock(FileChannel channel, FileLock fcntl, DotLock dot, FileTime mtimeAtLock) {
        this.channel = channel;
        this.fcntl = fcntl;
        this.dot = dot;
        this.mtimeAtLock = mtimeAtLock;
    }

    /** Timeouts: Dovecot's mbox_lock_timeout (5 minutes) and the dot-lock stale time. */
    record Settings(Duration timeout, Duration stale) {
        static final Settings DEFAULT = new Settings(Duration.ofMinutes(5), DotLock.STALE);
    }

    /**
     * Locks the file for writing: dot-lock and exclusive fcntl lock, on a read-write channel.
     *
     * @throws NoSuchFileException if the file does not exist
     */
    static MboxLock write(Path file, Settings settings) throws IOException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        long backoff = 10;
        while (true) {
            DotLock dot = DotLock.acquire(file, deadline, settings.stale());
            MboxLock locked = null;
            try {
                long until = dot == null ? deadline : Math.min(deadline, System.nanoTime() + FCNTL_SLICE_NANOS);
                locked = fcntl(file, false, until, dot);
            } finally {
                if (locked == null && dot != null) {
                    dot.close();
                }
            }
            if (locked != null) {
                return locked;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("timed out waiting for the fcntl lock of " + file);
            }
            sleep(backoff + (long) (Math.random() * backoff));
            backoff = Math.min(backoff * 2, 500);
        }
    }

    /** Locks the file for reading: a shared fcntl lock on a read-only channel. */
    static MboxLock read(Path file, Settings settings) throws IOException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        MboxLock locked = fcntl(file, true, deadline, null);
        if (locked == null) {
            throw new IOException("timed out waiting for the fcntl lock of " + file);
        }
        return locked;
    }

    /** Opens and fcntl-locks the file, retrying if it was replaced meanwhile; null on timeout. */
    private static MboxLock fcntl(Path file, boolean shared, long until, DotLock dot) throws IOException {
        while (true) {
            Object before = key(file);
            FileChannel ch = shared ? FileChannel.open(file, StandardOpenOption.READ)
                    : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = null;
            try {
                long sleep = 1;
                while (lock == null) {
                    try {
                        lock = ch.tryLock(0, Long.MAX_VALUE, shared);
                    } catch (OverlappingFileLockException e) {
                        throw new IOException("mbox " + file + " is already locked in this process", e);
                    }
                    if (lock == null) {
                        if (System.nanoTime() > until) {
                            ch.close();
                            return null;
                        }
                        sleep(sleep);
                        sleep = Math.min(sleep * 2, 50);
                    }
                }
                BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
                if (Objects.equals(before, now.fileKey())) {
                    return new MboxLock(ch, lock, dot, now.lastModifiedTime());
                }
                // Replaced by a rename while we waited: lock the new file instead.
                lock.release();
                ch.close();
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        }
    }

    /** The identity (device and inode) of the file a path names now. */
    static Object key(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    /**
     * Makes sure a change shows in the file's modification time at one-second resolution.
     * Dovecot notices external changes by the mtime in seconds and the size it recorded at its
     * last sync, and it misreads an mbox whose size changed while its mtime second stayed the
     * one it recorded (seen with Dovecot 2.3: messages after a Content-Length body were missed
     * until its index was rebuilt). So the mtime seconds of a file we change only ever grow: a
     * change within the second of the previous one moves the mtime to the next second. Within
     * {@link #MAX_AHEAD_SECONDS} of the clock, so that a burst of deliveries cannot push it far.
     */
    static void markModified(Path file, FileTime before) throws IOException {
        long was = before.to(TimeUnit.SECONDS);
        long now = Files.getLastModifiedTime(file).to(TimeUnit.SECONDS);
        long clock = System.currentTimeMillis() / 1000;
        if (now <= was && was + 1 <= clock + MAX_AHEAD_SECONDS) {
            Files.setLastModifiedTime(file, FileTime.from(was + 1, TimeUnit.SECONDS));
        }
    }

    /** How far ahead of the clock {@link #markModified} may move a file's mtime. */
    static final long MAX_AHEAD_SECONDS = 5;

    /** Keeps the dot-lock fresh during a long operation. */
    void touch() {
        if (dot != null) {
            dot.touch();
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a lock", e);
        }
    }

    /** Releases fcntl (by closing the channel), then the dot-lock. */
    @Override
    public void close() throws IOException {
        try {
            if (fcntl.isValid()) {
                fcntl.release();
            }
            channel.close();
        } finally {
            if (dot != null) {
                dot.close();
            }
        }
    }
}
