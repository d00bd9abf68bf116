package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Group commit of directory fsyncs: deliveries that renamed a file into one directory at about the
 * same time share one fsync of it instead of queueing for one each.
 *
 * <p>A caller renames its file first and then calls {@link #sync}, which returns only after an
 * fsync of the directory that <em>started after the call</em> succeeded, so the rename is
 * durable. While an fsync runs, later callers wait and the next one of them runs a single fsync
 * for all of them. If an fsync fails, each caller it would have covered runs its own (and gets its
 * own error), so no caller is ever told "durable" on the strength of a failed fsync.
 */
final class GroupFsync {

    /** The fsync itself; tests count and slow it down. */
    interface Fsync {
        void run(Path dir) throws IOException;
    }

    /** The one shared by every delivery of this store. */
    static final GroupFsync DIRECTORIES = new GroupFsync(FsSupport::fsyncDirectory);

    private final Fsync fsync;
    // Only directories with callers right now: a busy server has a handful, not one per user.
    private final Map<Path, Dir> dirs = new HashMap<>();

    GroupFsync(Fsync fsync) {
        this.fsync = fsync;
    }

    /** Makes every rename done in {@code dir} before this call durable. */
    void sync(Path dir) throws IOException {
        Dir d;
        synchronized (dirs) {
            d = dirs.computeIfAbsent(dir, Dir::new);
            d.users++;
        }
        try {
            d.sync();
        } finally {
            synchronized (dirs) {
                if (--d.users == 0) {
                    dirs.remove(dir);
                }
            }
        }
    }

    /** The fsync bookkeeping of one directory; see the class comment. */
    private final class Dir {
        private final Path path;
        int users; // guarded by dirs
        // Guarded by this: tickets handed out, the highest ticket made durable, an fsync running.
        private long requested;
        private long completed;
        private boolean running;

        Dir(Path path) {
            this.path = path;
        }

        void sync() throws IOException {
            long ticket;
            synchronized (this) {
                ticket = ++requested;
            }
            while (true) {
                long upTo;
                synchronized (this) {
                    awaitTurn(ticket);
                    if (completed >= ticket) {
                        return;
                    }
                    running = true;
                    upTo = requested; // every ticket so far was taken after its rename
                }
                boolean ok = false;
                try {
                    fsync.run(path);
                    ok = true;
                } finally {
                    synchronized (this) {
                        running = false;
                        if (ok) {
                            completed = Math.max(completed, upTo);
                        }
                        notifyAll();
                    }
                }
            }
        }

        /**
         * Waits while another caller's fsync runs and has not covered {@code ticket}. Not
         * interruptible: the wait is one fsync long, and giving up would leave a rename whose
         * durability nobody knows.
         */
        private void awaitTurn(long ticket) {
            boolean interrupted = false;
            while (running && completed < ticket) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
