package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mailbox's {@code dovecot-uidlist}. Reads need no lock; writes happen under
 * {@code dovecot-uidlist.lock} and replace the file by rename of {@code dovecot-uidlist.tmp},
 * exactly as Dovecot's maildir_uidlist_recreate() does, so Dovecot and Tegami can share a mailbox.
 */
final class UidListFile {

    private static final Logger LOG = LoggerFactory.getLogger(UidListFile.class);
    static final String NAME = "dovecot-uidlist";

    private record Cached(Object key, FileTime mtime, long size, UidList list) {
    }

    private final Path file;
    private Cached cached;

    UidListFile(Path controlDir) {
        this.file = controlDir.resolve(NAME);
    }

    Path path() {
        return file;
    }

    /** The current list; empty if there is none yet, or if it is too broken to use. */
    Optional<UidList> read() throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Cached c = cached;
        // Dovecot replaces the file (new inode) or appends to it (new size): either shows here.
        if (c != null && Objects.equals(c.key(), a.fileKey()) && c.size() == a.size()
                && c.mtime().equals(a.lastModifiedTime())) {
            return Optional.of(c.list());
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            UidList list = UidListCodec.parse(text);
            cached = new Cached(a.fileKey(), a.lastModifiedTime(), a.size(), list);
            return Optional.of(list);
        } catch (UidListCodec.CorruptException e) {
            // Dovecot unlinks a broken uidlist and rebuilds it with a new UIDVALIDITY; so do we.
            LOG.warn("{} is broken ({}); it will be rebuilt and clients will see a new UIDVALIDITY",
                    file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Takes the dot-lock that every writer of this mailbox (Dovecot too) respects. */
    DotLock lock() throws IOException {
        return DotLock.acquire(file);
    }

    /** Replaces the file atomically and durably. The caller holds {@link #lock()}. */
    void write(UidList list) throws IOException {
        Path tmp = file.resolveSibling(NAME + ".tmp");
        FsSupport.writeFile(tmp, UidListCodec.format(list).getBytes(StandardCharsets.UTF_8), false);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        FsSupport.fsyncDirectory(file.getParent());
        cached = null;
    }
}
