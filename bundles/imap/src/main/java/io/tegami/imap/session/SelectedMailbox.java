package io.tegami.imap.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxListener;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.protocol.SequenceSet;

/**
 * The selected mailbox as this client knows it: the sequence-number map, each message's flags,
 * and the changes of other sessions not yet announced.
 *
 * <p>Other sessions' changes arrive as store events on their threads; they are queued here and
 * turned into untagged {@code EXPUNGE}, {@code EXISTS}, {@code RECENT} and {@code FETCH}
 * responses only when {@link #sync} is called: at the end of a command, or during IDLE. Expunges
 * are held back while a FETCH, STORE or SEARCH runs (RFC 3501 7.4.1), so sequence numbers never
 * shift under a command; a message expunged but not yet announced keeps its number and its cached
 * flags. Everything but {@link MailboxListener} methods runs under the session's lock.
 */
public final class SelectedMailbox implements MailboxListener {

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

    /** How untagged updates are written now. */
    public record Sync(boolean allowExpunge, boolean withUid, boolean withModSeq, boolean vanished) {
    }

    private final Mailbox mailbox;
    private final String name;
    private final Queue<Event> events = new ConcurrentLinkedQueue<>();
    private volatile Runnable wakeup = () -> { };

    private final ArrayList<Long> uids = new ArrayList<>();
    private final Map<Long, MessageInfo> infos = new HashMap<>();
    private final Set<Long> heldExpunges = new TreeSet<>();
    private List<String> keywords = List.of();
    private boolean acceptsNewKeywords = true;
    private boolean closed;

    private SelectedMailbox(Mailbox mailbox, String name) {
        this.mailbox = mailbox;
        this.name = name;
    }

    /**
     * Starts listening to {@code mailbox} and takes its snapshot; the listener comes first so
     * that no change falls between the two.
     */
    public static SelectedMailbox open(Mailbox mailbox, String name) throws StoreException {
        SelectedMailbox s = new SelectedMailbox(mailbox, name);
        mailbox.addListener(s);
        try {
            for (MessageInfo m : mailbox.messages()) {
                s.uids.add(m.uid());
                s.infos.put(m.uid(), m);
            }
            s.keywords = List.copyOf(mailbox.keywords());
            s.acceptsNewKeywords = mailbox.acceptsNewKeywords();
        } catch (StoreException | RuntimeException e) {
            mailbox.removeListener(s);
            throw e;
        }
        return s;
    }

    /** Called when an event arrives, from the thread that made the change (IDLE wakes up). */
    public void onEvent(Runnable wakeup) {
        this.wakeup = wakeup == null ? () -> { } : wakeup;
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
        return closed;
    }

    /** The number of messages the client knows of (EXISTS). */
    public int size() {
        return uids.size();
    }

    /** The number of \Recent messages among them. */
    public int recentCount() {
        int n = 0;
        for (MessageInfo m : infos.values()) {
            if (m.recent()) {
                n++;
            }
        }
        return n;
    }

    /** The UID of sequence number {@code seq} (from 1). */
    public long uidAt(int seq) {
        return uids.get(seq - 1);
    }

    /** The sequence number of {@code uid}, or 0 if the client does not know it. */
    public int seqOf(long uid) {
        int i = Collections.binarySearch(uids, uid);
        return i < 0 ? 0 : i + 1;
    }

    /** What the client knows of message {@code uid}. */
    public MessageInfo info(long uid) {
        return infos.get(uid);
    }

    /** Whether {@code uid} was expunged by another session and not yet announced. */
    public boolean expungePending(long uid) {
        return heldExpunges.contains(uid);
    }

    /** The largest UID the client knows, or 0. */
    public long maxUid() {
        return uids.isEmpty() ? 0 : uids.get(uids.size() - 1);
    }

    /** Every UID, ascending (by sequence number). */
    public List<Long> uids() {
        return Collections.unmodifiableList(uids);
    }

    /** The keywords for FLAGS and PERMANENTFLAGS. */
    public List<String> keywords() {
        return keywords;
    }

    public boolean acceptsNewKeywords() {
        return acceptsNewKeywords;
    }

    /**
     * The UIDs a sequence set names, ascending.
     *
     * @param byUid true for UID commands
     * @throws ParseException "Invalid messageset" for a sequence number beyond the last message
     */
    public List<Long> resolve(SequenceSet set, boolean byUid) throws ParseException {
        if (set.isSaved()) {
            throw new ParseException("Saved search results ($) are not supported.");
        }
        List<Long> out = new ArrayList<>();
        if (byUid) {
            SequenceSet.Resolved r = set.resolve(maxUid());
            for (long uid : uids) {
                if (r.contains(uid)) {
                    out.add(uid);
                }
            }
            return out;
        }
        if (uids.isEmpty() && set.hasStar()) {
            return out; // "1:*" in an empty mailbox names nothing, as RFC 9051 6.4.5 says
        }
        SequenceSet.Resolved r = set.resolve(uids.size());
        if (r.max() > uids.size()) {
            throw new ParseException("Invalid messageset.");
        }
        for (SequenceSet.Range range : r.ranges()) {
            for (long seq = range.from(); seq <= range.to(); seq++) {
                out.add(uids.get((int) seq - 1));
            }
        }
        return out;
    }

    /**
     * The UIDs of {@code known} below {@code uidNext} that are not in the mailbox: what QRESYNC's
     * {@code VANISHED (EARLIER)} reports. The store keeps no history of expunges, so this is
     * every missing UID, as Dovecot answers when its history is gone (RFC 7162 allows reporting
     * more than the changes since the client's mod-sequence).
     */
    public List<SequenceSet.Range> missing(SequenceSet.Resolved known, long uidNext) {
        List<SequenceSet.Range> out = new ArrayList<>();
        for (SequenceSet.Range r : known.ranges()) {
            long from = r.from();
            long to = Math.min(r.to(), uidNext - 1);
            if (from > to) {
                continue;
            }
            int i = Collections.binarySearch(uids, from);
            int k = i >= 0 ? i : -i - 1;
            long next = from;
            while (next <= to) {
                long present = k < uids.size() ? uids.get(k) : Long.MAX_VALUE;
                if (present > to) {
                    out.add(new SequenceSet.Range(next, to));
                    break;
                }
                if (present > next) {
                    out.add(new SequenceSet.Range(next, present - 1));
                }
                next = present + 1;
                k++;
            }
        }
        return out;
    }

    // ---- changes made by this session ----

    /** Records this session's own flag changes (STORE, FETCH setting \Seen); returns them by UID. */
    public void applyOwnFlags(Collection<MessageInfo> updated) {
        for (MessageInfo m : updated) {
            MessageInfo old = infos.get(m.uid());
            if (old != null) {
                infos.put(m.uid(), m.withRecent(old.recent()));
                noteKeywords(m);
            }
        }
    }

    /**
     * Announces expunges: this session's own (EXPUNGE, CLOSE-less UID EXPUNGE, MOVE) together
     * with the ones held back from others, as {@code * n EXPUNGE} (or one {@code VANISHED}).
     */
    public void expunged(Collection<Long> own, ImapOutput out, Sync sync) {
        heldExpunges.addAll(own);
        drain(out, new Sync(true, sync.withUid(), sync.withModSeq(), sync.vanished()));
    }

    // ---- other sessions' changes ----

    /**
     * Writes the untagged responses for what other sessions changed since the last call.
     *
     * @return true if anything was written
     */
    public boolean sync(ImapOutput out, Sync sync) {
        return drain(out, sync);
    }

    /** True if events wait to be announced (or expunges are held). */
    public boolean hasPending() {
        return !events.isEmpty() || !heldExpunges.isEmpty();
    }

    private boolean drain(ImapOutput out, Sync sync) {
        Map<Long, MessageInfo> added = new TreeMap<>();
        Set<Long> flagged = new LinkedHashSet<>();
        Event e;
        while ((e = events.poll()) != null) {
            if (e instanceof Added a) {
                for (MessageInfo m : a.messages()) {
                    if (!infos.containsKey(m.uid()) && m.uid() > maxUid()) {
                        added.put(m.uid(), m);
                    }
                }
            } else if (e instanceof Expunged x) {
                for (long uid : x.uids()) {
                    // A message added and removed between two announcements was never seen: forget it.
                    if (added.remove(uid) == null && infos.containsKey(uid)) {
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
                    MessageInfo old = infos.get(m.uid());
                    if (old != null && m.modSeq() >= old.modSeq() && !old.flags().equals(m.flags())) {
                        infos.put(m.uid(), m.withRecent(old.recent()));
                        flagged.add(m.uid());
                    }
                }
            } else if (e instanceof Closed) {
                closed = true;
            }
        }
        boolean wrote = false;
        if (sync.allowExpunge() && !heldExpunges.isEmpty()) {
            flagged.removeAll(heldExpunges);
            writeExpunges(out, sync);
            wrote = true;
        }
        boolean newKeywords = false;
        if (!added.isEmpty()) {
            for (MessageInfo m : added.values()) {
                uids.add(m.uid());
                infos.put(m.uid(), m);
                newKeywords |= noteKeywords(m);
            }
            if (newKeywords) {
                writeFlags(out);
            }
            out.untagged(uids.size() + " EXISTS");
            out.untagged(recentCount() + " RECENT");
            wrote = true;
        }
        for (long uid : flagged) {
            if (noteKeywords(infos.get(uid)) && !newKeywords) {
                newKeywords = true;
                writeFlags(out);
            }
            out.untagged(fetchFlags(uid, sync.withUid(), sync.withModSeq()));
            wrote = true;
        }
        return wrote;
    }

    private static MessageInfo newer(MessageInfo pending, MessageInfo change) {
        return change.modSeq() >= pending.modSeq() ? change.withRecent(pending.recent()) : pending;
    }

    /** {@code n FETCH (FLAGS (...) [UID u] [MODSEQ (m)])}, without the {@code * }. */
    public String fetchFlags(long uid, boolean withUid, boolean withModSeq) {
        MessageInfo m = infos.get(uid);
        StringBuilder sb = new StringBuilder().append(seqOf(uid)).append(" FETCH (");
        if (withUid) {
            sb.append("UID ").append(uid).append(' ');
        }
        sb.append("FLAGS ").append(FlagLists.format(m.imapFlags()));
        if (withModSeq) {
            sb.append(" MODSEQ (").append(m.modSeq()).append(')');
        }
        return sb.append(')').toString();
    }

    /** Writes the FLAGS and PERMANENTFLAGS responses for the current keywords. */
    public void writeFlags(ImapOutput out) {
        out.untagged("FLAGS " + FlagLists.format(allFlags()));
        if (readOnly()) {
            out.untagged("OK [PERMANENTFLAGS ()] Read-only mailbox.");
        } else {
            List<String> permanent = new ArrayList<>(allFlags());
            permanent.remove("\\Recent");
            if (acceptsNewKeywords) {
                permanent.add("\\*");
            }
            out.untagged("OK [PERMANENTFLAGS " + FlagLists.format(permanent) + "] Flags permitted.");
        }
    }

    /** The system flags, {@code \Recent} and the keywords: what FLAGS lists. */
    private List<String> allFlags() {
        List<String> all = new ArrayList<>(List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft"));
        all.addAll(keywords);
        all.add("\\Recent");
        return all;
    }

    /** Whether {@code m} carries a keyword not in {@link #keywords()}; if so it is added. */
    private boolean noteKeywords(MessageInfo m) {
        boolean added = false;
        for (String f : m.flags()) {
            if (!f.startsWith("\\") && !keywords.contains(f)) {
                List<String> more = new ArrayList<>(keywords);
                more.add(f);
                keywords = List.copyOf(more);
                added = true;
            }
        }
        return added;
    }

    private void writeExpunges(ImapOutput out, Sync sync) {
        List<Integer> seqs = new ArrayList<>();
        List<Long> gone = new ArrayList<>();
        for (long uid : heldExpunges) {
            int seq = seqOf(uid);
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
        Set<Long> removed = new java.util.HashSet<>(gone);
        uids.removeIf(removed::contains);
        removed.forEach(infos::remove);
    }

    /** Stops listening and closes the handle. */
    public void close() {
        mailbox.removeListener(this);
        mailbox.close();
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
