package io.tegami.store.maildir;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tegami.api.store.CrlfInputStream;
import io.tegami.api.store.CopyResult;
import io.tegami.api.store.FlagMode;
import io.tegami.api.store.FlagUpdate;
import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxListener;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A handle on one Maildir folder (tmp/ new/ cur/ plus Dovecot's control files). The disk is the
 * truth, shared with Dovecot and mutt; what this JVM's sessions share lives in the folder's
 * {@link FolderState}; what is this handle's own is its listeners and its \Recent messages.
 * Message files keep LF line endings and are streamed with CRLF.
 */
final class MaildirMailbox implements Mailbox {

    private static final Logger LOG = LoggerFactory.getLogger(MaildirMailbox.class);
    private static final int RETRIES = 3;

    private final String name;
    private final boolean readOnly;
    private final FolderState state;
    private final FolderRegistry registry;
    private final List<MailboxListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<Long> recent = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile boolean released;
    private volatile long seenValidity;

    MaildirMailbox(String name, boolean readOnly, FolderState state, FolderRegistry registry) {
        this.name = name;
        this.readOnly = readOnly;
        this.state = state;
        this.registry = registry;
        state.attach(this);
    }

    /** The operation an I/O call makes under the folder lock. */
    interface Locked<T> {
        T run() throws IOException, StoreException;
    }

    /** Runs {@code op} under the folder lock, mapping I/O failures and checking this handle is usable. */
    <T> T locked(String what, Locked<T> op) throws StoreException {
        ensureOpen();
        state.lock.lock();
        try {
            ensureOpen();
            T result = op.run();
            ensureOpen();
            return result;
        } catch (IOException e) {
            throw FsSupport.failure(name + ": " + what, e);
        } finally {
            state.lock.unlock();
        }
    }

    /** Syncs and remembers which UIDVALIDITY this handle has now told its caller. */
    List<Entry> sync() throws IOException, StoreException {
        List<Entry> entries = state.sync();
        seenValidity = state.validity();
        return entries;
    }

    private void ensureOpen() throws StoreException {
        if (closed) {
            throw new StoreException(StoreException.Reason.IO, name + ": mailbox closed");
        }
    }

    void ensureWritable() throws StoreException {
        if (readOnly) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED, name + " is open read-only");
        }
    }

    FolderState state() {
        return state;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public long uidValidity() throws StoreException {
        return locked("reading " + UidListFile.NAME, () -> {
            sync();
            return state.validity();
        });
    }

    @Override
    public long uidNext() throws StoreException {
        return locked("reading " + UidListFile.NAME, () -> {
            sync();
            return state.uidlist.read().map(UidList::nextUid).orElse(1L);
        });
    }

    @Override
    public long highestModSeq() throws StoreException {
        return locked("reading " + ModSeqLog.NAME, () -> {
            sync();
            return Math.max(1, state.modseqs.highest());
        });
    }

    @Override
    public long append(InputStream content, Set<String> flags, Instant internalDate) throws StoreException {
        ensureOpen();
        ensureWritable();
        Instant date = (internalDate == null ? Instant.now() : internalDate).truncatedTo(ChronoUnit.SECONDS);
        return FolderWriter.append(this, content, flags, date).uid();
    }

    /**
     * Drops the message into new/ (cur/ with flags) without numbering it: see {@link MaildirDelivery}.
     * Keywords need {@code dovecot-keywords}, which is written under the uidlist lock, so a delivery
     * with keywords is an append.
     */
    @Override
    public void deliver(InputStream content, Set<String> flags, Instant internalDate) throws StoreException {
        ensureOpen();
        ensureWritable();
        Set<String> wanted = Flags.storable(flags);
        if (!MaildirFlags.keywords(wanted).isEmpty()) {
            append(content, flags, internalDate);
            return;
        }
        Instant date = (internalDate == null ? Instant.now() : internalDate).truncatedTo(ChronoUnit.SECONDS);
        MaildirDelivery.deliver(this, content, MaildirFlags.encode(wanted, KeywordTable.EMPTY, ""), date,
                GroupFsync.DIRECTORIES);
    }

    @Override
    public List<MessageInfo> messages() throws StoreException {
        return locked("listing messages", () -> {
            List<Entry> entries = sync();
            if (!readOnly) {
                state.claim(this, entries);
            }
            KeywordTable table = state.keywords.read();
            List<MessageInfo> out = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                out.add(info(state.entry(e.uid()) == null ? e : state.entry(e.uid()), table));
            }
            return out;
        });
    }

    MessageInfo info(Entry e, KeywordTable table) {
        return new MessageInfo(e.uid(), e.size(), e.vsize(), e.date(), MaildirFlags.decode(e.letters(), table),
                Math.max(1, e.modSeq()), state.isRecent(this, e.uid()));
    }

    @Override
    public List<String> keywords() throws StoreException {
        return locked("reading " + KeywordsFile.NAME, () -> state.keywords.read().names());
    }

    @Override
    public boolean acceptsNewKeywords() throws StoreException {
        return locked("reading " + KeywordsFile.NAME, () -> state.keywords.read().names().size() < KeywordTable.SLOTS);
    }

    @Override
    public InputStream openMessage(long uid) throws StoreException {
        for (int attempt = 1; ; attempt++) {
            Entry e = locked("reading UID " + uid, () -> {
                Entry known = state.initialized() ? state.entry(uid) : null;
                if (known == null) {
                    sync();
                    known = state.entry(uid);
                }
                return known;
            });
            if (e == null) {
                throw notFound(uid);
            }
            try {
                // Once open the file stays readable even if it is expunged (unlinked) meanwhile.
                return new CrlfInputStream(new BufferedInputStream(Files.newInputStream(e.file().path(state.maildir)), 65536));
            } catch (NoSuchFileException ex) {
                if (attempt == RETRIES) {
                    throw notFound(uid);
                }
                locked("reading UID " + uid, this::sync); // renamed (flags) by another program: look again
            } catch (IOException ex) {
                throw FsSupport.failure(name + ": reading UID " + uid, ex);
            }
        }
    }

    @Override
    public FlagUpdate updateFlags(Collection<Long> uids, FlagMode mode, Set<String> flags, long unchangedSince)
            throws StoreException {
        ensureWritable();
        return FolderWriter.updateFlags(this, uids, mode, flags, unchangedSince);
    }

    @Override
    public List<Long> expunge() throws StoreException {
        ensureWritable();
        return FolderWriter.expunge(this, null, false);
    }

    @Override
    public List<Long> expunge(Collection<Long> uids) throws StoreException {
        ensureWritable();
        return FolderWriter.expunge(this, uids, false);
    }

    @Override
    public CopyResult copy(Collection<Long> uids, Mailbox target) throws StoreException {
        ensureOpen();
        return MaildirCopier.copy(this, uids, target);
    }

    @Override
    public CopyResult move(Collection<Long> uids, Mailbox target) throws StoreException {
        ensureWritable();
        CopyResult r = MaildirCopier.copy(this, uids, target);
        FolderWriter.expunge(this, r.uids().keySet(), true);
        return r;
    }

    @Override
    public void refresh() throws StoreException {
        locked("refreshing", this::sync);
    }

    @Override
    public void addListener(MailboxListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(MailboxListener listener) {
        listeners.remove(listener);
    }

    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    /** Called by the folder state (lock held) with changes made elsewhere. */
    void deliver(Changes c, KeywordTable table) {
        List<MessageInfo> added = c.added().stream().map(e -> info(e, table)).toList();
        List<MessageInfo> flags = c.flagsChanged().stream().map(e -> info(e, table)).toList();
        for (MailboxListener l : listeners) {
            try {
                if (!c.expunged().isEmpty()) {
                    l.expunged(c.expunged());
                }
                if (!added.isEmpty()) {
                    l.added(added);
                }
                if (!flags.isEmpty()) {
                    l.flagsChanged(flags);
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: mailbox listener {} failed: {}", name, l, e.toString());
            }
        }
    }

    void addRecent(Collection<Long> uids) {
        recent.addAll(uids);
    }

    boolean hasRecent(long uid) {
        return recent.contains(uid);
    }

    void forgetRecent(Collection<Long> uids) {
        recent.removeAll(uids);
    }

    long seenValidity() {
        return seenValidity;
    }

    /** Ends this handle from outside (folder deleted or renamed, index rebuilt, store stopping). */
    void markClosed() {
        if (closed) {
            return;
        }
        closed = true;
        for (MailboxListener l : listeners) {
            try {
                l.closed();
            } catch (RuntimeException e) {
                LOG.warn("{}: mailbox listener {} failed: {}", name, l, e.toString());
            }
        }
        listeners.clear();
    }

    /** Whether the caller closed this handle (so a session need not track it any more). */
    boolean isClosedByOwner() {
        return released;
    }

    @Override
    public void close() {
        closed = true;
        listeners.clear();
        state.detach(this);
        if (!released) {
            released = true;
            registry.release(state);
        }
    }

    StoreException notFound(long uid) {
        return new StoreException(StoreException.Reason.NOT_FOUND, name + ": no message with UID " + uid);
    }
}
