package io.tegami.imap.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

import io.tegami.api.store.MailboxListener;
import io.tegami.api.store.MessageInfo;
import io.tegami.imap.protocol.SequenceSet;

/**
 * The changes of other sessions not yet announced to this client, and their announcement.
 *
 * <p>Store events arrive on the threads that made the changes and are only queued (and IDLE woken
 * up). {@link #announce} turns them into untagged {@code EXPUNGE} (or {@code VANISHED}),
 * {@code EXISTS}, {@code RECENT}, {@code FLAGS} and {@code FETCH} responses, updating the
 * {@link MessageMap} as the client is told: at the end of a command, or during IDLE. Expunges are
 * held back while a FETCH, STORE or SEARCH runs (RFC 3501 7.4.1); a message expunged but not yet
 * announced keeps its sequence number and its cached flags. Everything but the
 * {@link MailboxListener} methods runs under the session's lock.
 */
final class MailboxUpdates implements MailboxListener {

    private sealed interface Event {
    }

    private record Added(List<MessageInfo> messages) implements Event {
    }

    private record Expunged(List<Long> uids) implements Event {
    }

    private record FlagsChanged(List<MessageInfo> messages) implements Event {
    }

    private record Closed() implements Event {
    }

    private final MessageMap known;
    private final BooleanSupplier readOnly;
    private final Queue<Event> events = new ConcurrentLinkedQueue<>();
    private final Set<Long> heldExpunges = new TreeSet<>();
    private volatile Runnable wakeup = () -> { };
    private boolean closed;

    /**
     * @param known the client's view, updated as announcements are written
     * @param readOnly whether the mailbox is read-only, for PERMANENTFLAGS
     */
    MailboxUpdates(MessageMap known, BooleanSupplier readOnly) {
        this.known = known;
        this.readOnly = readOnly;
    }

    /** Called when an event arrives, from the thread that made the change (IDLE wakes up). */
    void onEvent(Runnable wakeup) {
        this.wakeup = wakeup == null ? () -> { } : wakeup;
    }

    /** True once the store said the handle is gone (seen at the last announcement). */
    boolean isClosed() {
        return closed;
    }

    /** Whether {@code uid} was expunged by another session and not yet announced. */
    boolean expungePending(long uid) {
        return heldExpunges.contains(uid);
    }

    /** True if events wait to be announced (or expunges are held). */
    boolean hasPending() {
        return !events.isEmpty() || !heldExpunges.isEmpty();
    }

    /**
     * Announces this session's own expunges together with the ones held back from others, and
     * whatever else is pending, expunges allowed.
     */
    void announceWithOwnExpunges(Collection<Long> own, ImapOutput out, SelectedMailbox.Sync sync) {
        heldExpunges.addAll(own);
        announce(out, new SelectedMailbox.Sync(true, sync.withUid(), sync.withModSeq(), sync.vanished()));
    }

    /**
     * Writes the untagged responses for what other sessions changed since the last call.
     *
     * @return true if anything was written
     */
    boolean announce(ImapOutput out, SelectedMailbox.Sync sync) {
        Map<Long, MessageInfo> added = new TreeMap<>();
        Set<Long> flagged = new LinkedHashSet<>();
        Event e;
        while ((e = events.poll()) != null) {
            if (e instanceof Added a) {
                for (MessageInfo m : a.messages()) {
                    if (!known.knows(m.uid()) && m.uid() > known.maxUid()) {
                        added.put(m.uid(), m);
                    }
                }
            } else if (e instanceof Expunged x) {
                for (long uid : x.uids()) {
                    // A message added and removed between two announcements was never seen: forget it.
                    if (added.remove(uid) == null && known.knows(uid)) {
                        heldExpunges.add(uid);
                    }
                }
            } else if (e instanceof FlagsChanged f) {
                for (MessageInfo m : f.messages()) {
                    MessageInfo pending = added.get(m.uid());
                    if (pending != null) {
                        added.put(m.uid(), newer(pending, m));
                        continue;
                    }
                    MessageInfo old = known.info(m.uid());
                    if (old != null && m.modSeq() >= old.modSeq() && !old.flags().equals(m.flags())) {
                        known.replaceFlags(m);
                        flagged.add(m.uid());
                    }
                }
            } else if (e instanceof Closed) {
                closed = true;
            }
        }
        return write(out, sync, added, flagged);
    }

    private boolean write(ImapOutput out, SelectedMailbox.Sync sync, Map<Long, MessageInfo> added, Set<Long> flagged) {
        boolean wrote = false;
        if (sync.allowExpunge() && !heldExpunges.isEmpty()) {
            flagged.removeAll(heldExpunges);
            writeExpunges(out, sync);
            wrote = true;
        }
        boolean newKeywords = false;
        if (!added.isEmpty()) {
            for (MessageInfo m : added.values()) {
                known.append(m);
                newKeywords |= known.noteKeywords(m);
            }
            if (newKeywords) {
                known.writeFlags(out, readOnly.getAsBoolean());
            }
            out.untagged(known.size() + " EXISTS");
            out.untagged(known.recentCount() + " RECENT");
            wrote = true;
        }
        for (long uid : flagged) {
            if (known.noteKeywords(known.info(uid)) && !newKeywords) {
                newKeywords = true;
                known.writeFlags(out, readOnly.getAsBoolean());
            }
            out.untagged(known.fetchFlags(uid, sync.withUid(), sync.withModSeq()));
            wrote = true;
        }
        return wrote;
    }

    private static MessageInfo newer(MessageInfo pending, MessageInfo change) {
        return change.modSeq() >= pending.modSeq() ? change.withRecent(pending.recent()) : pending;
    }

    private void writeExpunges(ImapOutput out, SelectedMailbox.Sync sync) {
        List<Integer> seqs = new ArrayList<>();
        List<Long> gone = new ArrayList<>();
        for (long uid : heldExpunges) {
            int seq = known.seqOf(uid);
            if (seq > 0) {
                seqs.add(seq);
                gone.add(uid);
            }
        }
        heldExpunges.clear();
        if (sync.vanished()) {
            if (!gone.isEmpty()) {
                out.untagged("VANISHED " + SequenceSet.format(gone));
            }
        } else {
            // Ascending, each number as it is after the previous removals (RFC 3501 7.4.1's example).
            Collections.sort(seqs);
            for (int i = 0; i < seqs.size(); i++) {
                out.untagged((seqs.get(i) - i) + " EXPUNGE");
            }
        }
        known.remove(gone);
    }

    // ---- MailboxListener: any thread ----

    @Override
    public void added(List<MessageInfo> messages) {
        events.add(new Added(List.copyOf(messages)));
        wakeup.run();
    }

    @Override
    public void expunged(List<Long> expunged) {
        events.add(new Expunged(List.copyOf(expunged)));
        wakeup.run();
    }

    @Override
    public void flagsChanged(List<MessageInfo> messages) {
        events.add(new FlagsChanged(List.copyOf(messages)));
        wakeup.run();
    }

    @Override
    public void closed() {
        events.add(new Closed());
        wakeup.run();
    }
}
