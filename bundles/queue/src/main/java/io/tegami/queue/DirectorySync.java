package io.tegami.queue;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Group commit of one spool directory's fsync. Ten SMTP sessions that commit at once, and the
 * delivery threads that remove finished messages, all need {@code active/} synced after their
 * rename or unlink; rather than queueing for ten fsyncs, they share them.
 *
 * <p>A caller renames (or unlinks) first and then calls {@link #sync}, which returns only after
 * an fsync of the directory that <em>started after the call</em> succeeded: the change is
 * durable then, exactly as if the caller had run the fsync itself. While an fsync runs, later
 * callers wait, and when it ends the first of them runs one fsync for all of them. If an fsync
 * fails, each caller it would have covered runs its own and gets its own answer, so nobody is told
 * "durable" on the strength of a failed fsync.
 */
final class DirectorySync {

    /** The fsync itself; tests count it, slow it down or make it fail. */
    interface Fsync {
        void run(Path dir) throws IOException;
    }

    private final Path dir;
    private final Fsync fsync;
    // Guarded by this: tickets handed out, the highest ticket made durable, an fsync running.
    private long requested;
    private long completed;
    private boolean running;
    private long fsyncs;

    DirectorySync(Path dir, Fsync fsync) {
        this.dir = dir;
        this.fsync = fsync;
    }

    /** Makes every rename and unlink done in the directory before this call durable. */
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
                upTo = requested; // every ticket so far was taken after its caller's change
                fsyncs++;
            }
            boolean ok = false;
            try {
                fsync.run(dir);
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

    /** The fsyncs run so far (for tests). */
    synchronized long fsyncs() {
        return fsyncs;
    }

    /**
     * Waits while another caller's fsync runs and has not covered {@code ticket}. Not
     * interruptible: the wait is one fsync long, and a caller that gave up would not know whether
     * its change is durable (a committing SMTP session must not answer either way on a guess).
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
