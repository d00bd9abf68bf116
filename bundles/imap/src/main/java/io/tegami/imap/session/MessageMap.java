package io.tegami.imap.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tegami.api.store.MessageInfo;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.protocol.SequenceSet;

/**
 * The selected mailbox as the client knows it: the sequence-number map (message {@code i} has the
 * {@code i}-th smallest UID the client was told of), each message's flags and \Recent, and the
 * keywords announced in FLAGS. It changes only when the client is told (see
 * {@link MailboxUpdates}), so sequence numbers never shift under a command. Used under the
 * session's lock only.
 */
final class MessageMap {

    private static final List<String> SYSTEM_FLAGS = List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft");

    private final ArrayList<Long> uids = new ArrayList<>();
    private final Map<Long, MessageInfo> infos = new HashMap<>();
    private List<String> keywords = List.of();
    private boolean acceptsNewKeywords = true;

    /** Takes the mailbox's snapshot at SELECT: the messages in UID order and the keywords. */
    void load(List<MessageInfo> messages, List<String> keywords, boolean acceptsNewKeywords) {
        for (MessageInfo m : messages) {
            uids.add(m.uid());
            infos.put(m.uid(), m);
        }
        this.keywords = List.copyOf(keywords);
        this.acceptsNewKeywords = acceptsNewKeywords;
    }

    /** The number of messages the client knows of (EXISTS). */
    int size() {
        return uids.size();
    }

    /** The number of \Recent messages among them. */
    int recentCount() {
        int n = 0;
        for (MessageInfo m : infos.values()) {
            if (m.recent()) {
                n++;
            }
        }
        return n;
    }

    /** The UID of sequence number {@code seq} (from 1). */
    long uidAt(int seq) {
        return uids.get(seq - 1);
    }

    /** The sequence number of {@code uid}, or 0 if the client does not know it. */
    int seqOf(long uid) {
        int i = Collections.binarySearch(uids, uid);
        return i < 0 ? 0 : i + 1;
    }

    /** What the client knows of message {@code uid}, or null. */
    MessageInfo info(long uid) {
        return infos.get(uid);
    }

    boolean knows(long uid) {
        return infos.containsKey(uid);
    }

    /** The largest UID the client knows, or 0. */
    long maxUid() {
        return uids.isEmpty() ? 0 : uids.get(uids.size() - 1);
    }

    /** Every UID, ascending (by sequence number). */
    List<Long> uids() {
        return Collections.unmodifiableList(uids);
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
    List<SequenceSet.Range> missing(SequenceSet.Resolved known, long uidNext) {
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

    // ---- changes, made as the client is told ----

    /** A new message at the end (its UID is above every known one). */
    void append(MessageInfo m) {
        uids.add(m.uid());
        infos.put(m.uid(), m);
    }

    /** New flags for a known message; \Recent stays as this session knows it. */
    void replaceFlags(MessageInfo m) {
        MessageInfo old = infos.get(m.uid());
        infos.put(m.uid(), m.withRecent(old.recent()));
    }

    /** Forgets expunged messages; later sequence numbers move down. */
    void remove(Collection<Long> gone) {
        Set<Long> removed = new HashSet<>(gone);
        uids.removeIf(removed::contains);
        removed.forEach(infos::remove);
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
