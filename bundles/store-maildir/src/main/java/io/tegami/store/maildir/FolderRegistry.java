package io.tegami.store.maildir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link FolderState} of every maildir with open handles in this store, so that all
 * sessions of one folder share one lock, one event list, one \Recent book and one index. Keyed by
 * the maildir's absolute path. After {@link #shutdown()} nothing can be opened.
 *
 * <p>A folder whose last handle closes stays here, idle, with its index: the next session that
 * opens it (the next SELECT, the next POP3 login) finds it warm instead of scanning the folder
 * again. Idle folders are kept in least-recently-used order up to a total of
 * {@code idleBudget} messages; a folder larger than that on its own is not kept at all.
 */
final class FolderRegistry {

    /** What {@link #FolderRegistry()} keeps idle: about 60 MB of index. */
    static final long DEFAULT_IDLE_MESSAGES = 200_000;

    private final Map<Path, FolderState> states = new HashMap<>();
    /** The idle states (no handle) and their sizes when they went idle, least recently used first. */
    private final LinkedHashMap<Path, Integer> idle = new LinkedHashMap<>(16, 0.75f, true);
    private final long idleBudget;
    private long idleMessages;
    private boolean stopped;

    FolderRegistry() {
        this(DEFAULT_IDLE_MESSAGES);
    }

    /** @param idleBudget the total messages of idle folders kept indexed; 0 keeps none */
    FolderRegistry(long idleBudget) {
        this.idleBudget = Math.max(0, idleBudget);
    }

    /** The state of a maildir, created if needed; pair with {@link #release}. */
    synchronized FolderState acquire(Path maildir, Path controlDir) {
        if (stopped) {
            return null;
        }
        Path key = maildir.toAbsolutePath().normalize();
        FolderState s = states.get(key);
        if (s == null) {
            s = new FolderState(key, controlDir);
            states.put(key, s);
        } else if (s.refs == 0) {
            Integer size = idle.remove(key);
            idleMessages -= size == null ? 0 : size;
        }
        s.refs++;
        return s;
    }

    /**
     * A handle closed. The state stays, idle, if it fits the budget; older idle ones make room.
     * The size is read without the folder lock: an estimate is all the budget needs.
     */
    synchronized void release(FolderState s) {
        if (--s.refs > 0 || states.get(s.maildir) != s) {
            return;
        }
        int size = s.size();
        if (size > idleBudget || !s.initialized()) {
            states.remove(s.maildir);
            return;
        }
        idle.put(s.maildir, size);
        idleMessages += size;
        Iterator<Map.Entry<Path, Integer>> oldest = idle.entrySet().iterator();
        while (idleMessages > idleBudget && oldest.hasNext()) {
            Map.Entry<Path, Integer> e = oldest.next();
            oldest.remove();
            idleMessages -= e.getValue();
            states.remove(e.getKey());
        }
    }

    /** The state of a maildir if this JVM has one (with handles or idle), else null. */
    synchronized FolderState find(Path maildir) {
        return states.get(maildir.toAbsolutePath().normalize());
    }

    /** The total messages of the idle folders kept (for tests). */
    synchronized long idleMessages() {
        return idleMessages;
    }

    /** The number of folders known, open or idle (for tests). */
    synchronized int size() {
        return states.size();
    }

    /**
     * Closes the handles of the folders at {@code maildirs} (deleted or renamed) and forgets
     * their index: their listeners hear closed(), and later calls fail.
     */
    void closeFolders(List<Path> maildirs) {
        List<FolderState> hit = new ArrayList<>();
        synchronized (this) {
            for (Path p : maildirs) {
                Path key = p.toAbsolutePath().normalize();
                FolderState s = states.remove(key);
                Integer size = idle.remove(key);
                idleMessages -= size == null ? 0 : size;
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
            idle.clear();
            idleMessages = 0;
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
