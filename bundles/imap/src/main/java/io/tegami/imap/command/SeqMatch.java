package io.tegami.imap.command;

import java.util.ArrayList;
import java.util.List;

import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.protocol.SequenceSet;
import io.tegami.imap.session.SelectedMailbox;

/**
 * QRESYNC's message sequence match data (RFC 7162 3.2.5.2): sequence numbers the client knew
 * and the UIDs they had, which let a server without expunge history narrow its
 * {@code VANISHED (EARLIER)} answer. If message {@code s} of the mailbox still has UID {@code u},
 * there are as many messages below {@code u} as when the client looked, and since new messages
 * only get higher UIDs, none below {@code u} was expunged since.
 *
 * <p>As Dovecot does, the pairs are sampled at the ends of each UID range (a huge set costs no
 * memory) and checked in ascending order up to the first that no longer matches; every UID up to
 * the last matching one is left out of the answer. A mismatch in the middle proves nothing
 * beyond that point, so the answer stays a superset of the true expunges: a client never loses a
 * message that is still there.
 *
 * @param seqs the sampled sequence numbers, ascending
 * @param uids the UIDs the client says they had, same length
 */
record SeqMatch(long[] seqs, long[] uids) {

    /**
     * Pairs the two sets element by element.
     *
     * @throws ParseException if either has {@code *} or they differ in size
     */
    static SeqMatch of(SequenceSet seqSet, SequenceSet uidSet) throws ParseException {
        if (seqSet.hasStar() || uidSet.hasStar()) {
            throw new ParseException("Invalid QRESYNC sets.");
        }
        List<SequenceSet.Range> seqRanges = seqSet.resolve(0).ranges();
        List<Long> seqs = new ArrayList<>();
        List<Long> uids = new ArrayList<>();
        Nth nth = new Nth(seqRanges);
        long n = 0;
        for (SequenceSet.Range r : uidSet.resolve(0).ranges()) {
            seqs.add(nth.at(n));
            uids.add(r.from());
            long span = r.to() - r.from();
            if (span > 0) {
                seqs.add(nth.at(n + span));
                uids.add(r.to());
            }
            n += span + 1;
        }
        if (nth.count() != n) {
            throw new ParseException("Invalid QRESYNC sets.");
        }
        return new SeqMatch(seqs.stream().mapToLong(Long::longValue).toArray(),
                uids.stream().mapToLong(Long::longValue).toArray());
    }

    /** The highest UID up to which the client's view still matches the mailbox, or 0. */
    long matchingUpTo(SelectedMailbox view) {
        long last = 0;
        for (int i = 0; i < seqs.length; i++) {
            if (seqs[i] > view.size() || view.uidAt((int) seqs[i]) != uids[i]) {
                break;
            }
            last = uids[i];
        }
        return last;
    }

    /** {@code ranges} without the numbers up to {@code limit}. */
    static List<SequenceSet.Range> above(List<SequenceSet.Range> ranges, long limit) {
        List<SequenceSet.Range> out = new ArrayList<>();
        for (SequenceSet.Range r : ranges) {
            if (r.to() > limit) {
                out.add(new SequenceSet.Range(Math.max(r.from(), limit + 1), r.to()));
            }
        }
        return out;
    }

    /** The n-th (from 0) member of sorted, disjoint ranges, for ascending n. */
    private static final class Nth {
        private final List<SequenceSet.Range> ranges;
        private int index;
        private long before;

        Nth(List<SequenceSet.Range> ranges) {
            this.ranges = ranges;
        }

        long at(long n) throws ParseException {
            while (index < ranges.size() && n >= before + size(ranges.get(index))) {
                before += size(ranges.get(index));
                index++;
            }
            if (index == ranges.size()) {
                throw new ParseException("Invalid QRESYNC sets.");
            }
            return ranges.get(index).from() + (n - before);
        }

        long count() {
            long all = 0;
            for (SequenceSet.Range r : ranges) {
                all += size(r);
            }
            return all;
        }

        private static long size(SequenceSet.Range r) {
            return r.to() - r.from() + 1;
        }
    }
}
