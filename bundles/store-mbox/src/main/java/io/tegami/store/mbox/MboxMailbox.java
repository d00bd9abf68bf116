package io.tegami.store.mbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

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
 * A handle on one mbox folder: an IMAP SELECT or EXAMINE, a POP3 session, one delivery. All
 * work goes through the folder's {@link Folder}, shared by every handle of the file in this JVM;
 * the handle itself holds only its listeners and whether it is read-only or closed.
 */
final class MboxMailbox implements Mailbox {

    private static final Logger LOG = LoggerFactory.getLogger(MboxMailbox.class);

    private final Folder folder;
    private final boolean readOnly;
    final MboxSession session;
    private final List<MailboxListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile String invalid;
    /** The UIDVALIDITY this handle has shown its user, 0 before it read anything. */
    private long knownValidity;

    MboxMailbox(Folder folder, boolean readOnly, MboxSession session) {
        this.folder = folder;
        this.readOnly = readOnly;
        this.session = session;
    }

    @Override
    public String name() {
        return folder.name;
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public long uidValidity() throws StoreException {
        return folder.locked("reading", () -> state().uidValidity());
    }

    @Override
    public long uidNext() throws StoreException {
        return folder.locked("reading", () -> state().uidNext());
    }

    @Override
    public long highestModSeq() throws StoreException {
        return folder.locked("reading", () -> {
            state();
            return Math.max(1, folder.fs.highest);
        });
    }

    @Override
    public List<String> keywords() throws StoreException {
        return folder.locked("reading", () -> state().keywords());
    }

    @Override
    public List<MessageInfo> messages() throws StoreException {
        return folder.locked("listing messages", () -> {
            List<MessageInfo> out = new ArrayList<>();
            for (MboxMessage m : state().messages()) {
                out.add(folder.fs.info(m, this, readOnly));
            }
            return out;
        });
    }

    @Override
    public List<MessageInfo> messages(Collection<Long> uids) throws StoreException {
        Set<Long> wanted = new HashSet<>(uids);
        return folder.locked("listing messages", () -> {
            List<MessageInfo> out = new ArrayList<>();
            for (MboxMessage m : state().messages()) {
                if (wanted.contains(m.uid())) {
                    out.add(folder.fs.info(m, this, readOnly));
                }
            }
            return out;
        });
    }

    @Override
    public long append(InputStream content, Set<String> flags, Instant internalDate) throws StoreException {
        checkWritable();
        return append(content, flags, internalDate, session.quotaRules().allowance(name(), false));
    }

    /** As {@link #append}, with {@code quota_grace}: Dovecot's LDA and LMTP get it, IMAP does not. */
    @Override
    public void deliver(InputStream content, Set<String> flags, Instant internalDate) throws StoreException {
        checkWritable();
        append(content, flags, internalDate, session.quotaRules().allowance(name(), true));
    }

    /** Appends within {@code allowance} (null: no quota to keep), counted before the folder lock. */
    long append(InputStream content, Set<String> flags, Instant internalDate, MboxQuota.Allowance allowance)
            throws StoreException {
        checkWritable();
        Set<String> stored = Flags.storable(flags);
        Instant date = (internalDate == null ? Instant.now() : internalDate).truncatedTo(ChronoUnit.SECONDS);
        return folder.locked("append", () -> {
            check();
            return FolderWrites.append(folder, this, content, stored, date, allowance);
        });
    }

    @Override
    public InputStream openMessage(long uid) throws StoreException {
        return folder.locked("reading UID " + uid, () -> {
            for (int attempt = 0; ; attempt++) {
                MboxMessage m = find(state(), uid);
                FileChannel ch = folder.openForReading();
                // The channel must be on the version of the file the offsets come from.
                if (Objects.equals(MboxLock.key(folder.path), folder.fs.id.key()) && ch.size() >= m.scan().end()) {
                    return MessageStream.open(ch, m.scan(), folder::closeChannel);
                }
                folder.closeChannel(ch);
                if (attempt > 3) {
                    throw new IOException("the mailbox keeps changing under us");
                }
            }
        });
    }

    @Override
    public FlagUpdate updateFlags(Collection<Long> uids, FlagMode mode, Set<String> flags, long unchangedSince)
            throws StoreException {
        checkWritable();
        Set<String> given = Flags.storable(flags);
        Set<Long> wanted = new HashSet<>(uids);
        return folder.locked("setting flags", () -> {
            check();
            return FolderWrites.updateFlags(folder, this, wanted, mode, given, unchangedSince);
        });
    }

    @Override
    public List<Long> expunge() throws StoreException {
        return expunge(null, false);
    }

    @Override
    public List<Long> expunge(Collection<Long> uids) throws StoreException {
        return expunge(uids, false);
    }

    /** Removes the messages among {@code uids} (all for null) that are \Deleted, or all of them if forced. */
    private List<Long> expunge(Collection<Long> uids, boolean force) throws StoreException {
        checkWritable();
        Set<Long> wanted = uids == null ? null : new HashSet<>(uids);
        return folder.locked("expunge", () -> {
            check();
            return FolderWrites.expunge(folder, this, wanted, force);
        });
    }

    @Override
    public CopyResult copy(Collection<Long> uids, Mailbox target) throws StoreException {
        return MboxCopier.copy(this, uids, target, false);
    }

    @Override
    public CopyResult move(Collection<Long> uids, Mailbox target) throws StoreException {
        checkWritable();
        CopyResult copied = MboxCopier.copy(this, uids, target, true);
        // mbox cannot move bytes between files atomically: copy (durable), then expunge here.
        expunge(copied.uids().keySet(), true);
        return copied;
    }

    @Override
    public void refresh() throws StoreException {
        folder.locked("refreshing", () -> {
            state();
            return null;
        });
    }

    @Override
    public void addListener(MailboxListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(MailboxListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            listeners.clear();
            folder.unregister(this);
            session.forget(this);
        }
    }

    /** Passes changes made or found elsewhere to this handle's listeners (under the folder lock). */
    void deliver(FolderState.Changes changes) {
        if (listeners.isEmpty() || closed) {
            return;
        }
        List<Long> expunged = changes.expunged();
        List<MessageInfo> added = new ArrayList<>();
        for (MboxMessage m : changes.added()) {
            added.add(folder.fs.info(m, this, readOnly));
        }
        List<MessageInfo> flags = new ArrayList<>();
        for (MboxMessage m : changes.flagsChanged()) {
            flags.add(folder.fs.info(m, this, readOnly));
        }
        for (MailboxListener l : listeners) {
            try {
                if (!expunged.isEmpty()) {
                    l.expunged(expunged);
                }
                if (!added.isEmpty()) {
                    l.added(added);
                }
                if (!flags.isEmpty()) {
                    l.flagsChanged(flags);
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: a mailbox listener failed: {}", name(), e.toString());
            }
        }
    }

    /** The folder went away or was rebuilt: this handle is closed and its listeners told. */
    void invalidate(String why) {
        invalid = why;
        for (MailboxListener l : listeners) {
            try {
                l.closed();
            } catch (RuntimeException e) {
                LOG.warn("{}: a mailbox listener failed: {}", name(), e.toString());
            }
        }
        listeners.clear();
    }

    private MboxState state() throws IOException, StoreException {
        check();
        MboxState s = folder.current(null);
        check(); // a rebuild found just now closes this handle
        if (knownValidity == 0) {
            knownValidity = s.uidValidity();
        }
        return s;
    }

    /** The folder got a new UIDVALIDITY: a handle that showed the old one cannot go on. */
    void validityChanged(long validity) {
        if (knownValidity != 0 && knownValidity != validity) {
            folder.unregister(this);
            invalidate("the mailbox was rebuilt with a new UIDVALIDITY");
        }
    }

    private static MboxMessage find(MboxState state, long uid) throws StoreException {
        for (MboxMessage m : state.messages()) {
            if (m.uid() == uid) {
                return m;
            }
        }
        throw new StoreException(StoreException.Reason.NOT_FOUND, "no message with UID " + uid);
    }

    private void check() throws StoreException {
        if (closed) {
            throw new StoreException(StoreException.Reason.IO, name() + ": the mailbox handle is closed");
        }
        if (invalid != null) {
            throw new StoreException(StoreException.Reason.IO, name() + ": " + invalid);
        }
        folder.checkNotGone();
    }

    private void checkWritable() throws StoreException {
        check();
        if (readOnly) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED, name() + " is open read-only");
        }
    }
}
