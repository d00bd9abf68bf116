package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dot-lock as Dovecot's file-dotlock.c makes them: {@code <file>.lock}, created exclusively,
 * holding {@code <pid>:<host>}. A lock whose process is dead on this host, or that has not been
 * touched for the stale timeout (Dovecot: 2 minutes for dovecot-uidlist), is overridden.
 */
final class DotLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DotLock.class);
    /** Dovecot's MAILDIR_UIDLIST_LOCK_STALE_TIMEOUT. */
    static final Duration STALE = Duration.ofMinutes(2);
    /** Dovecot waits the stale timeout plus two seconds before giving up. */
    static final Duration TIMEOUT = STALE.plusSeconds(2);

    private final Path lockFile;
    private final Object fileKey;

    private DotLock(Path lockFile, Object fileKey) {
        this.lockFile = lockFile;
        this.fileKey = fileKey;
    }

    /** Locks {@code target} with Dovecot's timeouts. */
    static DotLock acquire(Path target) throws IOException {
        return acquire(target, TIMEOUT, STALE);
    }

    static DotLock acquire(Path target, Duration timeout, Duration stale) throws IOException {
        Path lockFile = target.resolveSibling(target.getFileName() + ".lock");
        byte[] owner = (UniqueNames.pid() + ":" + UniqueNames.host()).getBytes(StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + timeout.toNanos();
        long sleepMillis = 1;
        while (true) {
            try {
                create(lockFile, owner);
                Object key = Files.readAttributes(lockFile, BasicFileAttributes.class).fileKey();
                return new DotLock(lockFile, key);
            } catch (FileAlreadyExistsException e) {
                if (breakIfStale(lockFile, stale)) {
                    continue;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("timed out waiting for " + lockFile);
            }
            sleep(sleepMillis);
            sleepMillis = Math.min(sleepMillis * 2, 100);
        }
    }

    /**
     * Creates the lock file with its owner, not fsync'd: a lock needs no durability (after a
     * crash its owner is dead and the lock is broken), and Dovecot's dot-locks are not synced
     * either. The fsync cost a disk flush per flag change.
     */
    private static void create(Path lockFile, byte[] owner) throws IOException {
        try (FileChannel ch = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                FsSupport.FILE_0600)) {
            ByteBuffer buf = ByteBuffer.wrap(owner);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }

    /** Deletes a lock left by a dead process or not modified for {@code stale}; true if it did. */
    private static boolean breakIfStale(Path lockFile, Duration stale) throws IOException {
        BasicFileAttributes attrs;
        String owner;
        try {
            attrs = Files.readAttributes(lockFile, BasicFileAttributes.class);
            owner = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            return true; // released meanwhile: try again at once
        }
        boolean dead = false;
        int colon = owner.indexOf(':');
        if (colon > 0 && owner.substring(colon + 1).equals(UniqueNames.host())) {
            try {
                long pid = Long.parseLong(owner.substring(0, colon));
                dead = ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
            } catch (NumberFormatException e) {
                // not a pid: rely on the age
            }
        }
        boolean old = attrs.lastModifiedTime().toInstant().isBefore(Instant.now().minus(stale));
        if (!dead && !old) {
            return false;
        }
        // Only delete the lock we examined, not a fresh one another process just created.
        try {
            Object key = Files.readAttributes(lockFile, BasicFileAttributes.class).fileKey();
            if (Objects.equals(key, attrs.fileKey())) {
                Files.deleteIfExists(lockFile);
                LOG.warn("overrode stale lock {} (owner {})", lockFile, owner);
            }
        } catch (NoSuchFileException e) {
            // gone already
        }
        return true;
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a lock", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            Object key = Files.readAttributes(lockFile, BasicFileAttributes.class).fileKey();
            if (Objects.equals(key, fileKey)) {
                Files.deleteIfExists(lockFile);
            } else {
                LOG.error("lock {} was overridden by another process while held", lockFile);
            }
        } catch (NoSuchFileException e) {
            LOG.error("lock {} was removed by another process while held", lockFile);
        }
    }
}
