package io.tegami.pop3.maildrop;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

import io.tegami.api.store.Flags;
import io.tegami.api.store.MailStore;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxListener;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;

/**
 * A user's INBOX as one POP3 session sees it (RFC 1939 section 4): the messages present at login,
 * numbered from 1 in UID order, with their sizes (the CRLF size RETR sends before stuffing), the
 * deletion marks of DELE and the messages RETR has read. Nothing changes in the store until
 * {@link #update} (the UPDATE state after QUIT) or {@link #close} (which only sets {@code \Seen},
 * as Dovecot does when a client goes away without QUIT: a dropped connection deletes nothing).
 * Messages that arrive during the session are not shown; messages another client expunges
 * meanwhile stay listed and fail when read.
 */
public final class Maildrop implements AutoCloseable {

    /** One message of the snapshot. */
    private record Entry(long uid, long size, boolean seen) {
    }

    /** The store service the maildrop came from (to tell whether it is still the bound one). */
    private final MailStore store;
    private final MailboxSession session;
    private final Mailbox inbox;
    private final AutoCloseable lock;
    private final List<Entry> entries;
    private final long uidValidity;
    private final long totalSize;
    private final BitSet deleted = new BitSet();
    private final BitSet retrieved = new BitSet();
    private final MailboxListener listener;
    private volatile boolean invalidated;
    private int deletedCount;
    private long deletedSize;
    private boolean closed;

    private Maildrop(MailStore store, MailboxSession session, Mailbox inbox, AutoCloseable lock, List<Entry> entries,
            long uidValidity) {
        this.store = store;
        this.session = session;
        this.inbox = inbox;
        this.lock = lock;
        this.entries = entries;
        this.uidValidity = uidValidity;
        this.totalSize = entries.stream().mapToLong(Entry::size).sum();
        // Called on the store's thread: only note it; the session ends at its next command.
        this.listener = new MailboxListener() {
            @Override
            public void closed() {
                invalidated = true;
            }
        };
        inbox.addListener(listener);
    }

    /**
     * Opens a user's INBOX read-write and takes the snapshot.
     *
     * @param lock released when the maildrop closes (also when opening fails); may be null
     */
    public static Maildrop open(MailStore store, User user, AutoCloseable lock) throws StoreException {
        MailboxSession session = null;
        Mailbox inbox = null;
        try {
            session = store.open(user);
            inbox = session.open(MailboxSession.INBOX);
            List<Entry> entries = new ArrayList<>();
            for (MessageInfo m : inbox.messages()) {
                entries.add(new Entry(m.uid(), m.rfc822Size(), m.flags().contains(Flags.SEEN)));
            }
            return new Maildrop(store, session, inbox, lock, List.copyOf(entries), inbox.uidValidity());
        } catch (StoreException | RuntimeException e) {
            if (inbox != null) {
                inbox.close();
            }
            if (session != null) {
                session.close();
            }
            release(lock);
            throw e;
        }
    }

    /** The number of messages at login, deleted ones included (the highest message number). */
    public int count() {
        return entries.size();
    }

    /** The octets of every message at login. */
    public long totalSize() {
        return totalSize;
    }

    /** Messages not marked deleted (STAT). */
    public int liveCount() {
        return entries.size() - deletedCount;
    }

    /** Their octets (STAT). */
    public long liveSize() {
        return totalSize - deletedSize;
    }

    public int deletedCount() {
        return deletedCount;
    }

    public long deletedSize() {
        return deletedSize;
    }

    /** Message {@code number} (1-based) exists in the snapshot. */
    public boolean exists(long number) {
        return number >= 1 && number <= entries.size();
    }

    public boolean isDeleted(int number) {
        return deleted.get(number - 1);
    }

    public long size(int number) {
        return entries.get(number - 1).size();
    }

    public long uid(int number) {
        return entries.get(number - 1).uid();
    }

    public long uidValidity() {
        return uidValidity;
    }

    /** DELE: marks a message for deletion at UPDATE. */
    public void markDeleted(int number) {
        if (!deleted.get(number - 1)) {
            deleted.set(number - 1);
            deletedCount++;
            deletedSize += size(number);
        }
    }

    /** RETR: the message gets {@code \Seen} when the session ends, unless it had it already. */
    public void markRetrieved(int number) {
        if (!entries.get(number - 1).seen()) {
            retrieved.set(number - 1);
        }
    }

    /** RSET: forgets deletion marks and pending {@code \Seen} flags. */
    public void reset() {
        deleted.clear();
        retrieved.clear();
        deletedCount = 0;
        deletedSize = 0;
    }

    /**
     * Streams a message (CRLF, {@link #size(int)} bytes); the caller closes it.
     *
     * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if another client expunged it
     */
    public InputStream open(int number) throws StoreException {
        return inbox.openMessage(uid(number));
    }

    /** The store service the maildrop was opened from. */
    public MailStore store() {
        return store;
    }

    /** True once the store gave the handle up (folder gone, store stopping): end the session. */
    public boolean invalidated() {
        return invalidated;
    }

    /**
     * The UPDATE state (RFC 1939 section 6): sets {@code \Seen} on retrieved messages and, when
     * {@code expunge}, removes the messages marked deleted ({@code \Deleted}, then an expunge of
     * just those UIDs, so messages an IMAP client flagged are left to it).
     *
     * @return the number of messages removed
     */
    public int update(boolean expunge) throws StoreException {
        List<Long> seen = new ArrayList<>();
        List<Long> gone = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (expunge && deleted.get(i)) {
                gone.add(entries.get(i).uid());
            } else if (retrieved.get(i)) {
                seen.add(entries.get(i).uid());
            }
        }
        if (!seen.isEmpty()) {
            inbox.addFlags(seen, Set.of(Flags.SEEN));
            retrieved.clear();
        }
        if (gone.isEmpty()) {
            return 0;
        }
        inbox.addFlags(gone, Set.of(Flags.DELETED));
        return inbox.expunge(gone).size();
    }

    /** Sets pending {@code \Seen} flags (never deletes), then closes. Never throws. */
    public void abandon() {
        if (!closed && !invalidated) {
            try {
                update(false);
            } catch (StoreException | RuntimeException e) {
                // The session is over either way; the flags are a courtesy.
            }
        }
        close();
    }

    /** Closes the handle and the store session and releases the lock; deletes nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            inbox.removeListener(listener);
            inbox.close();
            session.close();
        } finally {
            release(lock);
        }
    }

    private static void release(AutoCloseable lock) {
        if (lock != null) {
            try {
                lock.close();
            } catch (Exception e) {
                // A lock release cannot fail in a way the session could act on.
            }
        }
    }
}
