package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Counts a user's Maildir usage the way Dovecot's maildir quota backend recalculates
 * {@code maildirsize}: every message file in {@code new/} and {@code cur/} of every folder not
 * ignored by a quota rule, its size taken from the {@code ,S=} field of its name or else from
 * stat(). Whether a folder changed while it was counted is told by the directories' mtimes, as
 * Dovecot tells it: such a count is used but not written down.
 */
final class MaildirSizeCounter {

    /**
     * A count.
     *
     * @param bytes the bytes of the messages
     * @param messages their number
     * @param settled whether no directory changed while counting (the count may be written)
     */
    record Count(long bytes, long messages, boolean settled) {
    }

    private MaildirSizeCounter() {
    }

    /** Counts every folder of {@code layout} but those {@code ignored} says to leave out. */
    static Count count(MaildirLayout layout, Predicate<String> ignored) throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (String name : layout.list()) {
            if (ignored.test(name)) {
                continue;
            }
            try {
                Path box = layout.mailboxDir(name);
                dirs.add(box.resolve("new"));
                dirs.add(box.resolve("cur"));
            } catch (io.tegami.api.store.StoreException e) {
                // a name the store would refuse (listed from disk): not one of the user's folders
            }
        }
        return sum(dirs);
    }

    /** Counts one maildir (a folder about to be deleted). */
    static Count countFolder(Path maildir) throws IOException {
        return sum(List.of(maildir.resolve("new"), maildir.resolve("cur")));
    }

    private static Count sum(List<Path> dirs) throws IOException {
        long latest = 0;
        long bytes = 0;
        long messages = 0;
        for (Path dir : dirs) {
            long mtime = mtime(dir);
            if (mtime < 0) {
                continue;
            }
            latest = Math.max(latest, mtime);
            String[] names = dir.toFile().list();
            if (names == null) {
                continue;
            }
            for (String name : names) {
                if (name.startsWith("..")) {
                    continue; // Dovecot skips "." and ".." and anything starting so
                }
                long size = size(dir, name);
                if (size >= 0) {
                    bytes += size;
                    messages++;
                }
            }
        }
        boolean settled = true;
        for (Path dir : dirs) {
            if (mtime(dir) > latest) {
                settled = false;
                break;
            }
        }
        return new Count(bytes, messages, settled);
    }

    /** The size of one file: its {@code ,S=} field, else stat(); -1 if it is gone. */
    private static long size(Path dir, String name) throws IOException {
        OptionalLong s = MaildirFilename.parse(name).field('S');
        if (s.isPresent()) {
            return s.getAsLong();
        }
        try {
            return Files.size(dir.resolve(name));
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    private static long mtime(Path dir) throws IOException {
        try {
            return Files.getLastModifiedTime(dir).toMillis() / 1000; // st_mtime: seconds, as Dovecot compares
        } catch (NoSuchFileException e) {
            return -1;
        }
    }
}
