package io.tegami.store.maildir;

import java.time.Instant;

/**
 * What the store knows of one message file between syncs.
 *
 * @param uid the UID
 * @param file where the file was last seen
 * @param size the stored size (S= or the file size)
 * @param vsize the size with CRLF line endings (W=, Dovecot's uidlist W field, or counted)
 * @param date INTERNALDATE (the file's mtime)
 * @param modSeq the modseq of the last change
 */
record Entry(long uid, MaildirScanner.Found file, long size, long vsize, Instant date, long modSeq) {

    /** The flag letters of the file name ({@code FS} of {@code :2,FS}). */
    String letters() {
        return MaildirFilename.parse(file.fileName()).flagChars();
    }

    Entry at(MaildirScanner.Found where, long newModSeq) {
        return new Entry(uid, where, size, vsize, date, newModSeq);
    }
}
