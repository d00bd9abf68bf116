package io.tegami.imap.command;

import java.util.List;

import io.tegami.imap.protocol.CommandReader;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.protocol.SequenceSet;
import io.tegami.imap.session.ImapOutput;
import io.tegami.imap.session.SelectedMailbox;

/**
 * SELECT's {@code QRESYNC (uidvalidity modseq [known-uids] [seq-match-data])} parameter
 * (RFC 7162 3.2.5) and the resynchronization it asks for: {@code VANISHED (EARLIER)} for the
 * known UIDs that are gone, then a FETCH of UID, FLAGS and MODSEQ for every message changed since
 * the client's mod-sequence, as Dovecot answers.
 *
 * <p>The stores keep no expunge history, so the expunges are found by difference: every UID of
 * the client's set below UIDNEXT that the mailbox lacks (RFC 7162 allows this superset; Dovecot
 * answers the same when its history is gone), narrowed by the sequence match data
 * ({@link SeqMatch}). When the client's mod-sequence is the mailbox's HIGHESTMODSEQ or above,
 * nothing was expunged since (a QRESYNC server raises HIGHESTMODSEQ with every expunge, as the
 * store API promises), and there is no VANISHED at all. What is reported is never less than the
 * truth, so a client never keeps a message that is gone, and never drops one that is there: the
 * comparison is with the snapshot the session took, in which a message delivered meanwhile is
 * not missing but above its UIDNEXT.
 *
 * @param uidValidity the UIDVALIDITY the client knows; nothing is sent if it changed
 * @param modSeq the client's last known mod-sequence
 * @param knownUids the UIDs the client knows, or null for all ({@code 1:<UIDNEXT-1>})
 * @param match the sequence match data, or null
 */
record Qresync(long uidValidity, long modSeq, SequenceSet knownUids, SeqMatch match) {

    static Qresync parse(CommandReader r) throws ParseException {
        r.expect('(');
        long validity = r.nzNumber();
        r.sp();
        long modSeq = r.modSequence();
        SequenceSet known = null;
        SeqMatch match = null;
        if (r.optionalSp()) {
            if (!r.consume('(')) {
                known = r.sequenceSet();
                if (known.hasStar() || known.isSaved()) {
                    throw new ParseException("Invalid QRESYNC known-uids.");
                }
                if (r.optionalSp()) {
                    r.expect('(');
                    match = matchData(r);
                }
            } else {
                match = matchData(r);
            }
        }
        r.expect(')');
        return new Qresync(validity, modSeq, known, match);
    }

    /** {@code known-sequence-set SP known-uid-set ")"}, the opening parenthesis read. */
    private static SeqMatch matchData(CommandReader r) throws ParseException {
        SequenceSet seqs = r.sequenceSet();
        r.sp();
        SequenceSet uids = r.sequenceSet();
        r.expect(')');
        if (seqs.isSaved() || uids.isSaved()) {
            throw new ParseException("Invalid QRESYNC sets.");
        }
        return SeqMatch.of(seqs, uids);
    }

    /**
     * Writes the resynchronization for the freshly selected mailbox.
     *
     * @param highestNow HIGHESTMODSEQ read after the snapshot, so it covers every expunge the
     *        snapshot lacks
     */
    void resync(SelectedMailbox selected, long highestNow, ImapOutput out) {
        long maxUid = Math.max(1, selected.uidNext() - 1);
        SequenceSet.Resolved known = knownUids != null ? knownUids.resolve(maxUid)
                : SequenceSet.of(List.of(new SequenceSet.Range(1, maxUid))).resolve(maxUid);
        if (modSeq < highestNow) {
            List<SequenceSet.Range> gone = selected.missing(known);
            if (match != null) {
                gone = SeqMatch.above(gone, match.matchingUpTo(selected));
            }
            if (!gone.isEmpty()) {
                out.untagged("VANISHED (EARLIER) " + SequenceSet.formatRanges(gone));
            }
        }
        for (long uid : selected.uids()) {
            if (selected.info(uid).modSeq() > modSeq && known.contains(uid)) {
                out.untagged(selected.fetchFlags(uid, true, true));
            }
        }
    }
}
