package io.tegami.users.passwdfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parsed users of a passwd-file, re-read when the file's identity, mtime or size changes (as
 * Dovecot's passwd_file_sync() does), so that an admin's edit takes effect at the next lookup.
 * The check is one stat() per lookup; readers never block each other.
 */
final class PasswdFileCache {

    private static final Logger LOG = LoggerFactory.getLogger(PasswdFileCache.class);

    /** What identifies one version of the file; null fields when the file does not exist. */
    private record Stamp(Object fileKey, FileTime mtime, long size) {
    }

    private record Snapshot(Path path, Stamp stamp, Map<String, PasswdEntry> users) {
    }

    private volatile Snapshot snapshot;
    private final Object reloadLock = new Object();

    /** The users of the file at {@code path}, keyed by exact name. */
    Map<String, PasswdEntry> users(Path path) throws IOException {
        Snapshot current = snapshot;
        Stamp now = stamp(path);
        if (current != null && current.path().equals(path) && Objects.equals(current.stamp(), now)) {
            return current.users();
        }
        synchronized (reloadLock) {
            current = snapshot;
            now = stamp(path);
            if (current != null && current.path().equals(path) && Objects.equals(current.stamp(), now)) {
                return current.users();
            }
            // The stamp is taken before reading: if the file changes while we read it, the next
            // lookup sees a newer stamp and reads it again.
            Map<String, PasswdEntry> users = now == null ? Map.of() : load(path);
            snapshot = new Snapshot(path, now, users);
            return users;
        }
    }

    /** Forgets the cached users, after this process rewrote the file. */
    void invalidate() {
        snapshot = null;
    }

    private static Map<String, PasswdEntry> load(Path path) throws IOException {
        Map<String, PasswdEntry> users = new HashMap<>();
        for (String line : PasswdFileText.readLines(path)) {
            PasswdLineParser.parse(line).ifPresent(entry -> {
                if (users.putIfAbsent(entry.name(), entry) != null) {
                    // Dovecot keeps the first entry too.
                    LOG.warn("passwd-file {}: user {} exists more than once; the first entry is used",
                            path, entry.name());
                }
            });
        }
        LOG.debug("passwd-file {}: read {} users", path, users.size());
        return Map.copyOf(users);
    }

    private static Stamp stamp(Path path) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(a.fileKey(), a.lastModifiedTime(), a.size());
        } catch (NoSuchFileException e) {
            return null; // no file: no users, not an error
        }
    }
}
