package io.tegami.store.maildir;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tegami.api.store.CopyResult;
import io.tegami.api.store.FlagMode;
import io.tegami.api.store.FlagUpdate;
import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxListener;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;

/**
 * A handle on one Maildir folder (tmp/ new/ cur/ plus Dovecot's control files). The disk is the
 * truth, shared with Dovecot and mutt; what this JVM's sessions share lives in the folder's
 * {@link FolderState}; what is this handle's own is its listeners and its \Recent messages.
 * Message files keep LF line endings and are streamed with CRLF.
 */
final class MaildirMailbox implements Mailbox {

    private final String name;
    private final boolean readOnly;
    private final FolderState state;
    private final FolderRegistry registry;
    private final MaildirQuota quota;
    private final MessageReader reader;
    private final List<MailboxListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<Long> recent = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile boolean released;
    private volatile long seenValidity;

    MaildirMailbox(String name, boolean readOnly, FolderState state, FolderRegistry registry, MaildirQuota quota) {
        this.name = name;
        this.quota = quota;
        this.readOnly = readOnly;
        this.state = state;
        this.registry = registry;
        this.reader = new MessageReader(this, state);
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

    /** Makes the counters current, scanning only when the index is not (see {@link FolderState#syncCounters}). */
    private void syncCounters() throws IOException, StoreException {
        state.syncCounters();
        seenValidity = state.validity();
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

    /** The quota of the user whose session opened this handle. */
    MaildirQuota quota() {
        return quota;
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
            syncCounters();
            return state.validity();
        });
    }

    @Override
    public long uidNext() throws StoreException {
        return locked("reading " + UidListFile.NAME, () -> {
            syncCounters();
            return state.uidlist.read().map(UidList::nextUid).orElse(1L);
        });
    }

    @Override
    public long highestModSeq() throws StoreException {
        return locked("reading " + ModSeqLog.NAME, () -> {
            syncCounters();
            return Math.max(1, state.modseqs.highest());
        });
    }

    @Override
    public long append(InputStream content, Set<String> flags, Instant internalDate) throws StoreException {
        ensureOpen();
        ensureWritable();
        Instant date = (internalDate == null ? Instant.now() : internalDate).truncatedTo(ChronoUnit.SECONDS);
        return FolderWriter.append(this, content, flags, date, false).uid();
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
        Instant date = (internalDate == null ? Instant.now() : internalDate).truncatedTo(ChronoUnit.SECONDS);
        if (!MaildirFlags.keywords(wanted).isEmpty()) {
            FolderWriter.append(this, content, flags, date, true);
            return;
        }
        MaildirDelivery.deliver(this, content, MaildirFlags.encode(wanted, KeywordTable.EMPTY, ""), date,
                GroupFsync.DIRECTORIES);
    }

    @Override
    public List<MessageInfo> messages() throws StoreException {
        return locked("listing messages", () -> {
            List<Entry> entries = sync();
            if (!readOnly) {
                state.claim(this, entries);
                entries = state.entriesSnapshot(); // claiming moves new/ files to cur/
            }
            KeywordTable table = state.keywords.read();
            List<MessageInfo> out = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                out.add(info(e, table));
            }
            return out;
        });
    }

    /** The message as this handle sees it; the folder lock is held. */
    MessageInfo info(Entry e, KeywordTable table) {
        return e.info(table, state.flagSets).withRecent(state.isRecent(this, e.uid()));
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
        return reader.openMessage(uid);
    }

    @Override
    public InputStream openHeader(long uid) throws StoreException {
        return reader.openHeader(uid);
    }

    @Override
    public byte[] cachedValue(long uid, String field) throws StoreException {
        return reader.cachedValue(uid, field);
    }

    @Override
    public List<byte[]> cachedValues(List<Long> uids, String field) throws StoreException {
        return reader.cachedValues(uids, field);
    }

    @Override
    public void cacheValue(long uid, String field, byte[] value) throws StoreException {
        reader.cacheValue(uid, field, value);
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
        return MaildirCopier.copy(this, uids, target, false);
    }

    @Override
    public CopyResult move(Collection<Long> uids, Mailbox target) throws StoreException {
        ensureWritable();
        CopyResult r = MaildirCopier.copy(this, uids, target, true);
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
        Listeners.tell(listeners, name, c.expunged(), added, flags);
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
        Listeners.tellClosed(listeners, name);
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
