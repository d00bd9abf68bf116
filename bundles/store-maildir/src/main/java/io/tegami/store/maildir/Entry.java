package io.tegami.store.maildir;

import java.time.Instant;
import java.util.Set;

import io.tegami.api.store.MessageInfo;

/**
 * What the store knows of one message file between syncs: one line of the folder's in-memory
 * index. Immutable but for a cache of the {@link MessageInfo} it was last shown as, which the
 * folder lock guards: a warm SELECT of a big folder then builds no objects per message.
 */
final class Entry {

    private final long uid;
    private final MaildirScanner.Found file;
    private final long size;
    private final long vsize;
    private final Instant date;
    private final long modSeq;
    private final String letters;
    private KeywordTable infoTable;
    private MessageInfo info;

    /**
     * @param uid the UID
     * @param file where the file was last seen
     * @param size the stored size (S= or the file size)
     * @param vsize the size with CRLF line endings (W=, Dovecot's uidlist W field, or counted)
     * @param date INTERNALDATE (the file's mtime)
     * @param modSeq the modseq of the last change
     */
    Entry(long uid, MaildirScanner.Found file, long size, long vsize, Instant date, long modSeq) {
        this.uid = uid;
        this.file = file;
        this.size = size;
        this.vsize = vsize;
        this.date = date;
        this.modSeq = modSeq;
        this.letters = MaildirFilename.parse(file.fileName()).flagChars();
    }

    long uid() {
        return uid;
    }

    MaildirScanner.Found file() {
        return file;
    }

    long size() {
        return size;
    }

    long vsize() {
        return vsize;
    }

    Instant date() {
        return date;
    }

    long modSeq() {
        return modSeq;
    }

    /** The flag letters of the file name ({@code FS} of {@code :2,FS}). */
    String letters() {
        return letters;
    }

    /** This entry at another place (a rename) with another modseq; itself if neither changes. */
    Entry at(MaildirScanner.Found where, long newModSeq) {
        return where.same(file) && newModSeq == modSeq ? this : new Entry(uid, where, size, vsize, date, newModSeq);
    }

    /**
     * The message as a handle shows it, not {@code \Recent}; built once per keyword table.
     * Call with the folder lock held.
     */
    MessageInfo info(KeywordTable table, FlagSets sets) {
        if (info == null || infoTable != table) {
            Set<String> flags = sets.decode(letters, table);
            info = new MessageInfo(uid, size, vsize, date, flags, Math.max(1, modSeq), false);
            infoTable = table;
        }
        return info;
    }

    @Override
    public String toString() {
        return "Entry[uid=" + uid + ", file=" + file + ", modSeq=" + modSeq + "]";
    }
}
