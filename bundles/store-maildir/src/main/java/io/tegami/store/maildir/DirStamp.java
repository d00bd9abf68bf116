package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The identity and modification time of a maildir's {@code new/} and {@code cur/}: every
 * delivery, flag change (a rename) and expunge by any program changes one of them, so while both
 * stay the same the folder's index needs no new scan.
 *
 * <p>A stamp proves that only once it is {@link #settledAt settled}: a directory modified in the
 * same clock tick as it was read (timestamps have a granularity: a jiffy on ext4, a second on
 * older file systems) could change again without its mtime moving. So, like Dovecot's
 * {@code MAILDIR_SYNC_SECS}, a directory whose mtime is less than {@link #SETTLE_MILLIS} older
 * than the scan that read it is rescanned next time.
 *
 * @param newKey the file key (device and inode) of new/
 * @param newMtime its mtime in nanoseconds
 * @param curKey the file key of cur/
 * @param curMtime its mtime in nanoseconds
 */
record DirStamp(Object newKey, long newMtime, Object curKey, long curMtime) {

    /** How much older than a scan a directory's mtime must be for the scan to stand. */
    static final long SETTLE_MILLIS = 2000;

    /** The stamp now, or null if {@code cur/} is gone (the folder was deleted or renamed). */
    static DirStamp read(Path maildir) throws IOException {
        BasicFileAttributes cur;
        try {
            cur = Files.readAttributes(maildir.resolve("cur"), BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
        Object newKey = null;
        long newMtime = -1;
        try {
            BasicFileAttributes n = Files.readAttributes(maildir.resolve("new"), BasicFileAttributes.class);
            newKey = n.fileKey();
            newMtime = nanos(n);
        } catch (NoSuchFileException e) {
            // no new/: nothing can be delivered there, and its creation changes the stamp
        }
        return new DirStamp(newKey, newMtime, cur.fileKey(), nanos(cur));
    }

    private static long nanos(BasicFileAttributes a) {
        return a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /**
     * Whether a scan that began at {@code scanStartMillis} (wall clock) after this stamp was read
     * saw everything that can ever carry this stamp: both mtimes are well in the past then.
     */
    boolean settledAt(long scanStartMillis) {
        long limit = (scanStartMillis - SETTLE_MILLIS) * 1_000_000L;
        return newMtime < limit && curMtime < limit && newKey != null && curKey != null;
    }

    /** Same directories, same mtimes. */
    boolean sameAs(DirStamp other) {
        return other != null && newMtime == other.newMtime && curMtime == other.curMtime
                && Objects.equals(newKey, other.newKey) && Objects.equals(curKey, other.curKey);
    }
}
