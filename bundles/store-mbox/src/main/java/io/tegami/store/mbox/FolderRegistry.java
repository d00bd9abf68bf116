package io.tegami.store.mbox;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Folder} of every mbox file this store has opened, by absolute path, so that all
 * sessions of the JVM share one lock and one state per file.
 */
final class FolderRegistry {

    private final Map<Path, Folder> folders = new ConcurrentHashMap<>();
    private final ZoneId zone;
    private final MboxLock.Settings lockSettings;

    FolderRegistry(ZoneId zone, MboxLock.Settings lockSettings) {
        this.zone = zone;
        this.lockSettings = lockSettings;
    }

    MboxLock.Settings lockSettings() {
        return lockSettings;
    }

    /** The folder of a file, made on first use. */
    Folder folder(Path file, String name) {
        Path key = file.toAbsolutePath().normalize();
        return folders.compute(key, (k, f) -> f == null || f.isGone() ? new Folder(k, name, zone, lockSettings) : f);
    }

    /** The folder of a file if this JVM has one. */
    Folder existing(Path file) {
        return folders.get(file.toAbsolutePath().normalize());
    }

    /** Every folder at or below {@code path} went away (deleted, renamed): their handles are closed. */
    void gone(Path path, String why) {
        Path key = path.toAbsolutePath().normalize();
        List<Folder> hit = new ArrayList<>();
        folders.forEach((p, f) -> {
            if (p.startsWith(key)) {
                hit.add(f);
            }
        });
        for (Folder f : hit) {
            folders.remove(f.path, f);
            f.lock();
            try {
                f.gone(why);
            } finally {
                f.unlock();
            }
        }
    }

    /** The store is stopping: every handle is closed. */
    void closeAll(String why) {
        for (Folder f : new ArrayList<>(folders.values())) {
            f.gone(why);
        }
        folders.clear();
    }
}
