package io.tegami.imap.session;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.tegami.api.store.MessageInfo;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.protocol.SequenceSet;

/**
 * The selected mailbox as the client knows it: the sequence-number map (message {@code i} has the
 * {@code i}-th smallest UID the client was told of), each message's flags and \Recent, and the
 * keywords announced in FLAGS. It changes only when the client is told (see
 * {@link MailboxUpdates}), so sequence numbers never shift under a command. Used on the
 * session's thread only.
 *
 * <p>Every logged-in session with a folder selected holds one, so it is two parallel arrays
 * (UIDs ascending, and the store's {@link MessageInfo}s, which the store shares between the
 * sessions of a folder): about 12 octets per message, where boxed UIDs in a list and a hash map
 * cost some 90.
 */
final class MessageMap {

    private static final List<String> SYSTEM_FLAGS = List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft");

    private long[] uids = new long[0];
    private MessageInfo[] infos = new MessageInfo[0];
    private int size;
    private List<String> keywords = List.of();
    private boolean acceptsNewKeywords = true;
    /** The largest UID the client was ever told of, expunged ones included. */
    private long largestAnnounced;

    /** Takes the mailbox's snapshot at SELECT: the messages in UID order and the keywords. */
    void load(List<MessageInfo> messages, List<String> keywords, boolean acceptsNewKeywords) {
        uids = new long[messages.size()];
        infos = new MessageInfo[messages.size()];
        size = 0;
        for (MessageInfo m : messages) {
            uids[size] = m.uid();
            infos[size++] = m;
        }
        largestAnnounced = maxUid();
        this.keywords = List.copyOf(keywords);
        this.acceptsNewKeywords = acceptsNewKeywords;
    }

    /** The number of messages the client knows of (EXISTS). */
    int size() {
        return size;
    }

    /** The number of \Recent messages among them. */
    int recentCount() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (infos[i].recent()) {
                n++;
            }
        }
        return n;
    }

    /** The UID of sequence number {@code seq} (from 1). */
    long uidAt(int seq) {
        if (seq < 1 || seq > size) {
            throw new IndexOutOfBoundsException("sequence number " + seq + " of " + size);
        }
        return uids[seq - 1];
    }

    /** The index of {@code uid} in the arrays, or a negative number if the client does not know it. */
    private int indexOf(long uid) {
        return Arrays.binarySearch(uids, 0, size, uid);
    }

    /** The sequence number of {@code uid}, or 0 if the client does not know it. */
    int seqOf(long uid) {
        int i = indexOf(uid);
        return i < 0 ? 0 : i + 1;
    }

    /** What the client knows of message {@code uid}, or null. */
    MessageInfo info(long uid) {
        int i = indexOf(uid);
        return i < 0 ? null : infos[i];
    }

    boolean knows(long uid) {
        return indexOf(uid) >= 0;
    }

    /** The largest UID the client knows, or 0. */
    long maxUid() {
        return size == 0 ? 0 : uids[size - 1];
    }

    /** The largest UID the client was ever told of (it may be expunged since), or 0. */
    long largestAnnounced() {
        return largestAnnounced;
    }

    /** Every UID, ascending (by sequence number). */
    List<Long> uids() {
        return new AbstractList<>() {
            @Override
            public Long get(int index) {
                return uidAt(index + 1);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** The keywords for FLAGS and PERMANENTFLAGS. */
    List<String> keywords() {
        return keywords;
    }

    boolean acceptsNewKeywords() {
        return acceptsNewKeywords;
    }

    /**
     * The UIDs a sequence set names, ascending.
     *
     * @param byUid true for UID commands
     * @throws ParseException "Invalid messageset" for a sequence number beyond the last message
     */
    List<Long> resolve(SequenceSet set, boolean byUid) throws ParseException {
        if (set.isSaved()) {
            throw new ParseException("Saved search results ($) are not supported.");
        }
        List<Long> out = new ArrayList<>();
        if (byUid) {
            SequenceSet.Resolved r = set.resolve(maxUid());
            for (int i = 0; i < size; i++) {
                if (r.contains(uids[i])) {
                    out.add(uids[i]);
                }
            }
            return out;
        }
        if (size == 0 && set.hasStar()) {
            return out; // "1:*" in an empty mailbox names nothing, as RFC 9051 6.4.5 says
        }
        SequenceSet.Resolved r = set.resolve(size);
        if (r.max() > size) {
            throw new ParseException("Invalid messageset.");
        }
        for (SequenceSet.Range range : r.ranges()) {
            for (long seq = range.from(); seq <= range.to(); seq++) {
                out.add(uids[(int) seq - 1]);
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
    List<SequenceSet.Range> missing(SequenceSet.Resolved known, long uidNext) {
        List<SequenceSet.Range> out = new ArrayList<>();
        for (SequenceSet.Range r : known.ranges()) {
            long from = r.from();
            long to = Math.min(r.to(), uidNext - 1);
            if (from > to) {
                continue;
            }
            int i = indexOf(from);
            int k = i >= 0 ? i : -i - 1;
            long next = from;
            while (next <= to) {
                long present = k < size ? uids[k] : Long.MAX_VALUE;
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

    // ---- changes, made as the client is told ----

    /** A new message at the end (its UID is above every known one). */
    void append(MessageInfo m) {
        if (size == uids.length) {
            int room = Math.max(8, size + (size >> 1));
            uids = Arrays.copyOf(uids, room);
            infos = Arrays.copyOf(infos, room);
        }
        uids[size] = m.uid();
        infos[size++] = m;
        largestAnnounced = Math.max(largestAnnounced, m.uid());
    }

    /** New flags for a known message; \Recent stays as this session knows it. */
    void replaceFlags(MessageInfo m) {
        int i = indexOf(m.uid());
        infos[i] = m.withRecent(infos[i].recent());
    }

    /** Forgets expunged messages; later sequence numbers move down. */
    void remove(Collection<Long> gone) {
        Set<Long> removed = new HashSet<>(gone);
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!removed.contains(uids[i])) {
                uids[kept] = uids[i];
                infos[kept++] = infos[i];
            }
        }
        Arrays.fill(infos, kept, size, null);
        size = kept;
    }

    /** Whether {@code m} carries a keyword not in {@link #keywords()}; if so it is added. */
    boolean noteKeywords(MessageInfo m) {
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

    // ---- as responses describe it ----

    /** {@code n FETCH (FLAGS (...) [UID u] [MODSEQ (m)])}, without the {@code * }. */
    String fetchFlags(long uid, boolean withUid, boolean withModSeq) {
        MessageInfo m = info(uid);
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
    void writeFlags(ImapOutput out, boolean readOnly) {
        out.untagged("FLAGS " + FlagLists.format(allFlags()));
        if (readOnly) {
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
        List<String> all = new ArrayList<>(SYSTEM_FLAGS);
        all.addAll(keywords);
        all.add("\\Recent");
        return all;
    }
}
