package io.tegami.store.maildir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link FolderState} of every maildir with open handles in this store, so that all
 * sessions of one folder share one lock, one event list and one \Recent book. Keyed by the
 * maildir's absolute path. After {@link #shutdown()} nothing can be opened.
 */
final class FolderRegistry {

    private final Map<Path, FolderState> states = new HashMap<>();
    private boolean stopped;

    /** The state of a maildir, created if needed; pair with {@link #release}. */
    synchronized FolderState acquire(Path maildir, Path controlDir) {
        if (stopped) {
            return null;
        }
        FolderState s = states.computeIfAbsent(maildir.toAbsolutePath().normalize(), p -> new FolderState(p, controlDir));
        s.refs++;
        return s;
    }

    synchronized void release(FolderState s) {
        if (--s.refs <= 0) {
            states.remove(s.maildir, s);
        }
    }

    /** The state of a maildir if it has handles, else null. */
    synchronized FolderState find(Path maildir) {
        return states.get(maildir.toAbsolutePath().normalize());
    }

    /**
     * Closes the handles of the folders at {@code maildirs} (deleted or renamed): their listeners
     * hear closed(), and later calls fail.
     */
    void closeFolders(List<Path> maildirs) {
        List<FolderState> hit = new ArrayList<>();
        synchronized (this) {
            for (Path p : maildirs) {
                FolderState s = states.remove(p.toAbsolutePath().normalize());
                if (s != null) {
                    hit.add(s);
                }
            }
        }
        for (FolderState s : hit) {
            s.lock.lock();
            try {
                s.closeHandles();
            } finally {
                s.lock.unlock();
            }
        }
    }

    /** The store is stopping: every handle is closed and nothing opens any more. */
    void shutdown() {
        List<FolderState> all;
        synchronized (this) {
            stopped = true;
            all = new ArrayList<>(states.values());
            states.clear();
        }
        for (FolderState s : all) {
            // Not waiting for the lock: a session stuck on a slow disk must not hold up the stop.
            if (s.lock.tryLock()) {
                try {
                    s.closeHandles();
                } finally {
                    s.lock.unlock();
                }
            } else {
                s.closeHandles();
            }
        }
    }

    synchronized boolean stopped() {
        return stopped;
    }
}
