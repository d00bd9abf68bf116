package io.tegami.imap.session;

import java.util.Collection;
import java.util.List;

import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.protocol.SequenceSet;

/**
 * The selected mailbox of a session: the store's handle, the client's view of it (the
 * sequence-number map, flags and keywords: {@link MessageMap}) and the changes of other sessions
 * waiting to be announced ({@link MailboxUpdates}). Commands ask it; the session calls
 * {@link #sync} at the end of a command and during IDLE. Used under the session's lock, except
 * for the store's listener calls, which only queue.
 */
public final class SelectedMailbox {

    /** How untagged updates are written now. */
    public record Sync(boolean allowExpunge, boolean withUid, boolean withModSeq, boolean vanished) {
    }

    private final Mailbox mailbox;
    private final String name;
    private final MessageMap known = new MessageMap();
    private final MailboxUpdates updates;
    /** UIDNEXT as of the snapshot: a UID below it that the snapshot lacks was expunged before. */
    private long uidNextAtOpen = 1;
    /** HIGHESTMODSEQ read before the snapshot: every later change has a higher mod-sequence. */
    private long highestModSeqAtOpen = 1;

    private SelectedMailbox(Mailbox mailbox, String name) {
        this.mailbox = mailbox;
        this.name = name;
        this.updates = new MailboxUpdates(known, mailbox::readOnly);
    }

    /**
     * Starts listening to {@code mailbox} and takes its snapshot; the listener comes first so
     * that no change falls between the two. UIDNEXT and HIGHESTMODSEQ are read before the
     * snapshot, so that they never claim more than the client is told: a message that arrives
     * during the snapshot has a UID at or above {@link #uidNext()} and is announced later, and a
     * client that keeps {@link #highestModSeqAtOpen()} is told again of any change it may not have
     * seen (RFC 7162 3.2: a HIGHESTMODSEQ must not run ahead of delayed responses).
     */
    public static SelectedMailbox open(Mailbox mailbox, String name) throws StoreException {
        SelectedMailbox s = new SelectedMailbox(mailbox, name);
        mailbox.addListener(s.updates);
        try {
            long uidNext = mailbox.uidNext();
            long highest = mailbox.highestModSeq();
            s.known.load(mailbox.messages(), mailbox.keywords(), mailbox.acceptsNewKeywords());
            s.uidNextAtOpen = Math.max(uidNext, s.known.largestAnnounced() + 1);
            s.highestModSeqAtOpen = highest;
        } catch (StoreException | RuntimeException e) {
            mailbox.removeListener(s.updates);
            throw e;
        }
        return s;
    }

    /** Called when an event arrives, from the thread that made the change (IDLE wakes up). */
    public void onEvent(Runnable wakeup) {
        updates.onEvent(wakeup);
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    /** The mailbox's Unicode name. */
    public String name() {
        return name;
    }

    public boolean readOnly() {
        return mailbox.readOnly();
    }

    /** True once the store said the handle is gone (folder deleted or renamed, store stopping). */
    public boolean isClosed() {
        return updates.isClosed();
    }

    // ---- the client's view ----

    /** The number of messages the client knows of (EXISTS). */
    public int size() {
        return known.size();
    }

    /** The number of \Recent messages among them. */
    public int recentCount() {
        return known.recentCount();
    }

    /** The UID of sequence number {@code seq} (from 1). */
    public long uidAt(int seq) {
        return known.uidAt(seq);
    }

    /** The sequence number of {@code uid}, or 0 if the client does not know it. */
    public int seqOf(long uid) {
        return known.seqOf(uid);
    }

    /** What the client knows of message {@code uid}. */
    public MessageInfo info(long uid) {
        return known.info(uid);
    }

    /** Whether {@code uid} was expunged by another session and not yet announced. */
    public boolean expungePending(long uid) {
        return updates.expungePending(uid);
    }

    /** The largest UID the client knows, or 0. */
    public long maxUid() {
        return known.maxUid();
    }

    /** Every UID, ascending (by sequence number). */
    public List<Long> uids() {
        return known.uids();
    }

    /** The keywords for FLAGS and PERMANENTFLAGS. */
    public List<String> keywords() {
        return known.keywords();
    }

    public boolean acceptsNewKeywords() {
        return known.acceptsNewKeywords();
    }

    /**
     * The UIDs a sequence set names, ascending.
     *
     * @param byUid true for UID commands
     * @throws ParseException "Invalid messageset" for a sequence number beyond the last message
     */
    public List<Long> resolve(SequenceSet set, boolean byUid) throws ParseException {
        return known.resolve(set, byUid);
    }

    /**
     * UIDNEXT as the client may know it: as of the snapshot, or above the last message announced
     * since. Every UID below it that is not in {@link #uids()} was expunged (or never used), and
     * every message not announced yet has a UID at or above it.
     */
    public long uidNext() {
        return Math.max(uidNextAtOpen, known.largestAnnounced() + 1);
    }

    /** HIGHESTMODSEQ as read before the snapshot: what SELECT reports. */
    public long highestModSeqAtOpen() {
        return highestModSeqAtOpen;
    }

    /**
     * The UIDs of {@code clientUids} below {@link #uidNext()} that are not in the client's view:
     * QRESYNC's {@code VANISHED (EARLIER)}. The store keeps no expunge history, so these are all
     * the UIDs missing, whenever they went (RFC 7162 allows reporting more than the expunges
     * since the client's mod-sequence). Messages expunged but not yet announced are still in the
     * view and not reported: their VANISHED comes when they are announced.
     */
    public List<SequenceSet.Range> missing(SequenceSet.Resolved clientUids) {
        return known.missing(clientUids, uidNext());
    }

    /** {@code n FETCH (FLAGS (...) [UID u] [MODSEQ (m)])}, without the {@code * }. */
    public String fetchFlags(long uid, boolean withUid, boolean withModSeq) {
        return known.fetchFlags(uid, withUid, withModSeq);
    }

    /** Writes the FLAGS and PERMANENTFLAGS responses for the current keywords. */
    public void writeFlags(ImapOutput out) {
        known.writeFlags(out, readOnly());
    }

    // ---- changes ----

    /** Records this session's own flag changes (STORE, FETCH setting \Seen). */
    public void applyOwnFlags(Collection<MessageInfo> updated) {
        for (MessageInfo m : updated) {
            if (known.knows(m.uid())) {
                known.replaceFlags(m);
                known.noteKeywords(m);
            }
        }
    }

    /**
     * Announces expunges: this session's own (EXPUNGE, CLOSE-less UID EXPUNGE, MOVE) together
     * with the ones held back from others, as {@code * n EXPUNGE} (or one {@code VANISHED}).
     */
    public void expunged(Collection<Long> own, ImapOutput out, Sync sync) {
        updates.announceWithOwnExpunges(own, out, sync);
    }

    /**
     * Writes the untagged responses for what other sessions changed since the last call.
     *
     * @return true if anything was written
     */
    public boolean sync(ImapOutput out, Sync sync) {
        return updates.announce(out, sync);
    }

    /** True if events wait to be announced (or expunges are held). */
    public boolean hasPending() {
        return updates.hasPending();
    }

    /** Stops listening and closes the handle. */
    public void close() {
        mailbox.removeListener(updates);
        mailbox.close();
    }
}
