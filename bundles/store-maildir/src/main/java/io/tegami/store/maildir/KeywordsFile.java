package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mailbox's {@code dovecot-keywords} file. It is read without locking and replaced only by
 * rename, while the caller holds the {@code dovecot-uidlist} lock (Dovecot's rule). The new
 * content is written into {@code dovecot-keywords.lock}, Dovecot's dot-lock for this file.
 */
final class KeywordsFile {

    private static final Logger LOG = LoggerFactory.getLogger(KeywordsFile.class);
    static final String NAME = "dovecot-keywords";

    private record Cached(Object key, FileTime mtime, long size, KeywordTable table) {
    }

    private final Path file;
    private Cached cached;

    KeywordsFile(Path controlDir) {
        this.file = controlDir.resolve(NAME);
    }

    /** The current table; empty if the file does not exist. */
    KeywordTable read() throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return KeywordTable.EMPTY;
        }
        Cached c = cached;
        if (c != null && Objects.equals(c.key(), a.fileKey()) && c.mtime().equals(a.lastModifiedTime())
                && c.size() == a.size()) {
            return c.table();
        }
        KeywordTable table;
        try {
            table = KeywordTable.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return KeywordTable.EMPTY;
        }
        cached = new Cached(a.fileKey(), a.lastModifiedTime(), a.size(), table);
        return table;
    }

    /**
     * Gives letters to the keywords that have none, writing the file if needed. The caller must
     * hold the uidlist lock. Keywords beyond the 26 letters are left out (and logged).
     */
    KeywordTable define(Collection<String> keywords) throws IOException {
        KeywordTable table = read();
        KeywordTable updated = table;
        for (String k : keywords) {
            if (updated.letter(k) == 0) {
                KeywordTable next = updated.with(k);
                if (next == updated) {
                    LOG.warn("{}: all 26 keyword letters are in use; keyword {} is not stored", file, k);
                }
                updated = next;
            }
        }
        if (!updated.equals(table)) {
            write(updated);
        }
        return updated;
    }

    /** Replaces the whole table (used when INBOX's messages move to another mailbox). */
    void write(KeywordTable table) throws IOException {
        Path lock = file.resolveSibling(NAME + ".lock");
        // Like Dovecot: the uidlist lock protects this file, so a leftover .lock is garbage.
        Files.deleteIfExists(lock);
        FileTime previous = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        FsSupport.writeFile(lock, table.format().getBytes(StandardCharsets.UTF_8), true);
        if (previous != null
                && Files.getLastModifiedTime(lock).to(TimeUnit.SECONDS) <= previous.to(TimeUnit.SECONDS)) {
            // Dovecot re-reads this file only when its mtime in whole seconds changes: make it grow.
            Files.setLastModifiedTime(lock, FileTime.from(previous.to(TimeUnit.SECONDS) + 1, TimeUnit.SECONDS));
        }
        Files.move(lock, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        FsSupport.fsyncDirectory(file.getParent());
        cached = null;
    }
}
