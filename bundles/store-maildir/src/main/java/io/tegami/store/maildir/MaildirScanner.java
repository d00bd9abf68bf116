package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Lists the messages in a maildir's new/ and cur/. readdir() may skip or repeat a file that is
 * renamed while the directory is read (another client changing flags), so a scan is repeated
 * when a directory's mtime moved during it; a scan that never settled is reported as unstable,
 * and callers must not conclude from it that a message is gone.
 */
final class MaildirScanner {

    private static final int ATTEMPTS = 3;

    /**
     * A message file as found.
     *
     * @param base the base name, the message's identity
     * @param fileName the whole file name
     * @param inNew whether it is in new/ (else cur/)
     */
    record Found(String base, String fileName, boolean inNew) {
        Path path(Path maildir) {
            return maildir.resolve(inNew ? "new" : "cur").resolve(fileName);
        }

        /** Same place and name (the base follows from the name): cheaper than equals() in hot loops. */
        boolean same(Found other) {
            return inNew == other.inNew && fileName.equals(other.fileName);
        }
    }

    /** The files by base name, and whether new/ and cur/ stood still while they were read. */
    record Scan(Map<String, Found> files, boolean stable) {
    }

    private MaildirScanner() {
    }

    static Scan scan(Path maildir) throws IOException {
        Path newDir = maildir.resolve("new");
        Path curDir = maildir.resolve("cur");
        Map<String, Found> files = Map.of();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            FileTime newBefore = mtime(newDir);
            FileTime curBefore = mtime(curDir);
            files = new HashMap<>(Math.max(16, files.size() * 4 / 3 + 16));
            // new/ first: a message moved to cur/ meanwhile is then still seen in cur/.
            list(newDir, true, files);
            list(curDir, false, files);
            if (Objects.equals(newBefore, mtime(newDir)) && Objects.equals(curBefore, mtime(curDir))) {
                return new Scan(files, true);
            }
        }
        return new Scan(files, false);
    }

    private static void list(Path dir, boolean inNew, Map<String, Found> into) throws IOException {
        // File.list() reads the directory into plain names, without a Path object per entry:
        // several times cheaper than a DirectoryStream on a folder of 100,000 messages.
        String[] names = dir.toFile().list();
        if (names == null) {
            if (Files.exists(dir)) {
                throw new IOException("cannot read directory " + dir);
            }
            return; // the mailbox is being deleted, or new/ was never created: nothing there
        }
        for (String name : names) {
            // Hidden files are not messages; Dovecot ignores names with CR/LF too.
            if (name.isEmpty() || name.charAt(0) == '.' || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
                continue;
            }
            int colon = name.indexOf(':');
            Found f = new Found(colon < 0 ? name : name.substring(0, colon), name, inNew);
            // Seen in both (moved during the scan): cur/ is where it went.
            into.merge(f.base(), f, (a, b) -> a.inNew() ? b : a);
        }
    }

    private static FileTime mtime(Path dir) throws IOException {
        try {
            return Files.getLastModifiedTime(dir);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
