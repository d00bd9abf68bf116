package io.tegami.store.mbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

import io.tegami.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mbox file as this JVM shares it: every handle on the file, in every session, goes through
 * the one {@code Folder} of its path. It serializes the threads of this JVM (fcntl locks cannot
 * tell them apart), takes the file locks that keep other processes out, keeps the state read
 * from the file so that an unchanged file is not read again, and passes changes to the handles'
 * listeners.
 */
final class Folder {

    private static final Logger LOG = LoggerFactory.getLogger(Folder.class);

    final Path path;
    final String name;
    final ZoneId zone;
    final MboxLock.Settings lockSettings;
    private final ReentrantLock lock = new ReentrantLock();
    final FolderState fs = new FolderState();
    private final List<MboxMailbox> handles = new CopyOnWriteArrayList<>();
    private final List<FileChannel> pendingClose = new ArrayList<>();
    private volatile boolean gone;

    Folder(Path path, String name, ZoneId zone, MboxLock.Settings lockSettings) {
        this.path = path;
        this.name = name;
        this.zone = zone;
        this.lockSettings = lockSettings;
    }

    /** An operation under the file's write locks, given the file's current state. */
    interface WriteOp<T> {
        T run(MboxLock locked, MboxState state) throws IOException, StoreException;
    }

    /** An operation under this JVM's lock only. */
    interface LockedOp<T> {
        T run() throws IOException, StoreException;
    }

    void lock() {
        lock.lock();
    }

    /** Releases the lock, first closing message channels that were closed while it was held. */
    void unlock() {
        if (lock.getHoldCount() == 1) {
            List<FileChannel> toClose = new ArrayList<>(pendingClose);
            pendingClose.clear();
            for (FileChannel ch : toClose) {
                closeQuietly(ch);
            }
        }
        lock.unlock();
    }

    /** Runs {@code op} under this JVM's lock, mapping I/O failures. */
    <T> T locked(String what, LockedOp<T> op) throws StoreException {
        lock();
        try {
            checkNotGone();
            return op.run();
        } catch (NoSuchFileException e) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, name + " does not exist any more");
        } catch (IOException e) {
            throw FsSupport.failure(name + ": " + what, e);
        } finally {
            unlock();
        }
    }

    /**
     * Runs {@code op} under the write locks with the file's current state, first rewriting the
     * file if its headers need it (new UIDs to record, damage to repair). Call with this JVM's lock.
     */
    <T> T withWriteLock(WriteOp<T> op) throws IOException, StoreException {
        for (int attempt = 1; ; attempt++) {
            try (MboxLock locked = MboxLock.write(path, lockSettings)) {
                MboxRewriter.discardStale(path);
                MboxState state = current(locked, attempt <= 3);
                if (state != null) {
                    return op.run(locked, state);
                }
                // rewritten: the locked channel is on the old file, lock the new one
            }
        }
    }

    /**
     * The file's state, read again if the file changed since the last read; changes found are
     * passed to every handle's listeners. Call with this JVM's lock.
     *
     * <p>A file whose headers do not say what its state says (messages without UIDs, damage) is
     * rewritten before anyone sees the state, so that UIDs are in the file, where Dovecot reads
     * them, before any client learns them. With {@code locked} (the write locks) that happens at
     * once and null is returned: the caller must lock the new file. Without, the read takes a
     * shared fcntl lock and turns into a write-locked one when a rewrite is needed.
     */
    MboxState current(MboxLock locked) throws IOException, StoreException {
        return current(locked, true);
    }

    private MboxState current(MboxLock locked, boolean mayRewrite) throws IOException, StoreException {
        FolderState.FileId now = FolderState.FileId.of(path);
        if (fs.mbox != null && now.equals(fs.id)) {
            return fs.mbox;
        }
        if (locked == null) {
            MboxState state;
            FolderState.FileId id;
            try (MboxLock shared = MboxLock.read(path, lockSettings)) {
                id = FolderState.FileId.of(path);
                state = read(shared.channel, id);
            }
            if (!state.needsRewrite()) {
                publish(null, fs.replace(state, id));
                return state;
            }
            return withWriteLock((l, s) -> s);
        }
        FolderState.FileId id = FolderState.FileId.of(path);
        MboxState state = read(locked.channel, id);
        if (!state.needsRewrite() || !mayRewrite) {
            if (state.needsRewrite()) {
                LOG.error("{}: the rewritten file still needs rewriting; going on with the state in memory", path);
            }
            publish(null, fs.replace(state, id));
            return state;
        }
        if (state.damage() != null) {
            LOG.warn("{}: {}: rebuilt with new UIDVALIDITY {} ({} messages kept)", path, state.damage(),
                    state.uidValidity(), state.messages().size());
        }
        publish(null, rewrite(locked, state, state.messages(), state.keywords()));
        return null;
    }

    /** Scans the file and decides its state, without taking it yet. */
    private MboxState read(FileChannel ch, FolderState.FileId now) throws IOException {
        List<ScannedMessage> scanned = MboxScanner.scan(ch, now.size(), zone);
        return MboxSync.resolve(scanned, fs.previous(now), FolderState::newUidValidity);
    }

    /**
     * Rewrites the file with {@code messages} (their flags as given, \Recent claims recorded as
     * Status O), renames it into place and reads it back. Call under the write locks; the locked
     * channel refers to the old file afterwards, so nothing more may be written through it.
     *
     * @return the changes the rewrite made, already applied to the state
     */
    FolderState.Changes rewrite(MboxLock locked, MboxState state, List<MboxMessage> messages, List<String> keywords)
            throws IOException {
        List<MboxMessage> out = new ArrayList<>(messages.size());
        for (MboxMessage m : messages) {
            out.add(m.withOld(m.old() || fs.claimed(m.uid())));
        }
        Path temp = MboxRewriter.write(locked.channel, path, state.uidValidity(), state.uidNext() - 1, keywords, out,
                state.pseudo() != null, zone);
        MboxRewriter.commit(temp, path);
        MboxLock.markModified(path, locked.mtimeAtLock);
        FolderState.FileId id = FolderState.FileId.of(path);
        MboxState neu;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            // The new file is no one else's yet: we still hold the dot-lock, and this channel is
            // on a different inode than the locked one, so closing it releases nothing.
            neu = MboxSync.resolve(MboxScanner.scan(ch, id.size(), zone),
                    new MboxSync.Previous(state.uidValidity(), state.uidNext(), keywords, true),
                    FolderState::newUidValidity);
        }
        return fs.replace(neu, id);
    }

    /** Passes changes to the listeners of every handle but {@code actor} (all of them for null). */
    void publish(MboxMailbox actor, FolderState.Changes changes) {
        if (changes.isEmpty()) {
            return;
        }
        for (MboxMailbox h : handles) {
            if (changes.reset()) {
                h.validityChanged(fs.mbox.uidValidity());
            } else if (h != actor) {
                h.deliver(changes);
            }
        }
    }

    void register(MboxMailbox handle) {
        handles.add(handle);
    }

    void unregister(MboxMailbox handle) {
        handles.remove(handle);
    }

    /** The folder was deleted or renamed: its handles are closed. */
    void gone(String why) {
        gone = true;
        for (MboxMailbox h : handles) {
            h.invalidate(why);
        }
        handles.clear();
    }

    boolean isGone() {
        return gone;
    }

    void checkNotGone() throws StoreException {
        if (gone) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, name + " does not exist any more");
        }
    }

    /** Opens a channel for a message stream on the file the state describes. */
    FileChannel openForReading() throws IOException {
        return FileChannel.open(path, StandardOpenOption.READ);
    }

    /**
     * Closes a message stream's channel. Closing any channel of a file drops every fcntl lock this
     * process holds on it, so it waits for this JVM's lock, and while the calling thread itself
     * holds it, it is put off until the lock is released.
     */
    void closeChannel(FileChannel ch) {
        if (lock.isHeldByCurrentThread()) {
            pendingClose.add(ch);
            return;
        }
        lock.lock();
        try {
            closeQuietly(ch);
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            LOG.debug("closing a message channel: {}", e.toString());
        }
    }
}
