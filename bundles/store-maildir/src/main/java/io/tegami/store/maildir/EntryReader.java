package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;

/**
 * What the store learns of a message file the first time it sees it: the sizes from Dovecot's
 * {@code ,S=} and {@code ,W=} name fields (or the uidlist's {@code W} field, or by reading the
 * file once), and the INTERNALDATE from the mtime, as Dovecot reads them.
 */
final class EntryReader {

    private EntryReader() {
    }

    /** A message not known before: stats its file; null if it vanished. */
    static Entry describe(Path maildir, MaildirSync.Message m, UidList.Record rec, long modSeq) throws IOException {
        Path p = m.file().path(maildir);
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            MaildirFilename fn = MaildirFilename.parse(m.file().fileName());
            long size = fn.field('S').orElse(a.size());
            OptionalLong w = fn.field('W');
            long vsize = w.isPresent() ? w.getAsLong() : uidlistVsize(rec);
            if (vsize < 0) {
                vsize = CrlfSizes.virtualSize(p); // no W= anywhere: count once, then it is cached here
            }
            // INTERNALDATE has whole seconds in IMAP, and Dovecot reads st_mtime's seconds
            return new Entry(m.uid(), m.file(), size, vsize,
                    a.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS), modSeq);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Dovecot's W extension field of a uidlist record ({@code W2481}), or -1. */
    private static long uidlistVsize(UidList.Record rec) {
        if (rec == null || rec.extensions().isEmpty()) {
            return -1;
        }
        for (String f : rec.extensions().split(" ")) {
            if (f.length() > 1 && f.charAt(0) == 'W') {
                try {
                    return Long.parseLong(f.substring(1));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
