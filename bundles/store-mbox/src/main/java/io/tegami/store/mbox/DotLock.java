package io.tegami.store.mbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mbox dot-lock every mail program knows: {@code <mbox>.lock}, created with O_EXCL, holding
 * {@code <pid>:<host>} as Dovecot writes it (Postfix leaves it empty; both are understood). A lock
 * not modified for the stale time (300 s, between Dovecot's 2 minutes and Postfix's 500 s), or
 * held by a process of this host that no longer runs, is overridden with a warning. When the
 * directory does not let us create files (a /var/mail without the sticky bit or the mail group),
 * locking falls back to fcntl alone, with a warning once per directory, as Postfix's
 * "dotlock may fail" mode does.
 */
final class DotLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DotLock.class);
    static final Duration STALE = Duration.ofSeconds(300);
    private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final Object fileKey;

    private DotLock(Path lockFile, Object fileKey) {
        this.lockFile = lockFile;
        this.fileKey = fileKey;
    }

    static Path lockFileFor(Path mbox) {
        return mbox.resolveSibling(mbox.getFileName() + ".lock");
    }

    /**
     * Takes the dot-lock of {@code mbox}, waiting until {@code deadline} (System.nanoTime()).
     *
     * @return the lock, or null if the directory is not writable (fcntl alone must do)
     * @throws IOException on timeout or another failure
     */
    static DotLock acquire(Path mbox, long deadline, Duration stale) throws IOException {
        Path lockFile = lockFileFor(mbox);
        byte[] owner = (MboxHost.pid() + ":" + MboxHost.name()).getBytes(StandardCharsets.UTF_8);
        long sleepMillis = 5;
        while (true) {
            try (FileChannel ch = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), FsSupport.privateFile())) {
                ch.write(ByteBuffer.wrap(owner));
                Object key = Files.readAttributes(lockFile, BasicFileAttributes.class).fileKey();
                return new DotLock(lockFile, key);
            } catch (FileAlreadyExistsException e) {
                if (breakIfStale(lockFile, stale)) {
                    continue;
                }
            } catch (AccessDeniedException e) {
                Path dir = lockFile.toAbsolutePath().getParent();
                if (WARNED.add(dir)) {
                    LOG.warn("cannot create dotlock {} (directory not writable): locking {} with fcntl only",
                            lockFile, mbox);
                }
                return null;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("timed out waiting for dotlock " + lockFile);
            }
            sleep(sleepMillis);
            sleepMillis = Math.min(sleepMillis * 2, 200);
        }
    }

    /** Deletes a lock that is stale or whose process is gone; true if the caller should retry at once. */
    private static boolean breakIfStale(Path lockFile, Duration stale) throws IOException {
        BasicFileAttributes attrs;
        String owner;
        try {
            attrs = Files.readAttributes(lockFile, BasicFileAttributes.class);
            byte[] raw = Files.readAllBytes(lockFile);
            owner = new String(raw, 0, Math.min(raw.length, 256), StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            return true; // released meanwhile
        }
        boolean dead = false;
        int colon = owner.indexOf(':');
        if (colon > 0 && owner.substring(colon + 1).equals(MboxHost.name())) {
            try {
                long pid = Long.parseLong(owner.substring(0, colon));
                dead = ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
            } catch (NumberFormatException e) {
                // not ours: rely on the age
            }
        }
        boolean old = attrs.lastModifiedTime().toInstant().isBefore(Instant.now().minus(stale));
        if (!dead && !old) {
            return false;
        }
        try {
            // Only delete the lock we looked at, never a fresh one another process just made.
            Object key = Files.readAttributes(lockFile, BasicFileAttributes.class).fileKey();
            if (Objects.equals(key, attrs.fileKey())) {
                Files.deleteIfExists(lockFile);
                LOG.warn("overrode {} dotlock {} (owner '{}')", dead ? "dead process's" : "stale", lockFile, owner);
            }
        } catch (NoSuchFileException e) {
            // gone already
        }
        return true;
    }

    /** Keeps the lock from looking stale during a long operation. */
    void touch() {
        try {
            Files.setLastModifiedTime(lockFile, FileTime.from(Instant.now()));
        } catch (IOException e) {
            LOG.debug("cannot touch {}: {}", lockFile, e.toString());
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

    @Override
    public void close() {
        try {
            Object key = Files.readAttributes(lockFile, BasicFileAttributes.class).fileKey();
            if (Objects.equals(key, fileKey)) {
                Files.deleteIfExists(lockFile);
            } else {
                LOG.error("dotlock {} was overridden by another process while held", lockFile);
            }
        } catch (NoSuchFileException e) {
            LOG.error("dotlock {} was removed by another process while held", lockFile);
        } catch (IOException e) {
            LOG.error("cannot remove dotlock {}: {}", lockFile, e.toString());
        }
    }
}
