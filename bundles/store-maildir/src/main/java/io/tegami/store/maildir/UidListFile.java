package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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

    /**
     * Adds the records of {@code after} beyond those of {@code before} at the end of the file and
     * syncs it, as Dovecot adds new messages (the header's N field is then behind; every reader
     * takes the last UID + 1 as well). Rewrites the file instead when it is not the one
     * {@code before} was read from, or {@code after} changes more than the end. The caller holds
     * {@link #lock()}.
     */
    void append(UidList before, UidList after) throws IOException {
        Cached c = cached;
        int old = before.records().size();
        if (c == null || c.list() != before || after.records().size() < old
                || after.uidValidity() != before.uidValidity() || !after.guid().equals(before.guid())) {
            write(after);
            return;
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            write(after);
            return;
        }
        if (!Objects.equals(c.key(), a.fileKey()) || c.size() != a.size() || !c.mtime().equals(a.lastModifiedTime())) {
            write(after);
            return;
        }
        StringBuilder out = new StringBuilder((after.records().size() - old) * 64);
        for (UidList.Record r : after.records().subList(old, after.records().size())) {
            UidListCodec.formatRecord(out, r);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        }
        BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
        cached = new Cached(now.fileKey(), now.lastModifiedTime(), now.size(), after);
    }

    /** Replaces the file atomically and durably. The caller holds {@link #lock()}. */
    void write(UidList list) throws IOException {
        Path tmp = file.resolveSibling(NAME + ".tmp");
        FsSupport.writeFile(tmp, UidListCodec.format(list).getBytes(StandardCharsets.UTF_8), false);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        FsSupport.fsyncDirectory(file.getParent());
        // What we wrote is what the next read would parse: keep it (the lock keeps others out).
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        cached = new Cached(a.fileKey(), a.lastModifiedTime(), a.size(), list);
    }
}
