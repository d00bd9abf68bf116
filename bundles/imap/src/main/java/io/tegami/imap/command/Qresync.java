package io.tegami.imap.command;

import java.util.List;

import io.tegami.imap.protocol.CommandReader;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.protocol.SequenceSet;
import io.tegami.imap.session.ImapOutput;
import io.tegami.imap.session.SelectedMailbox;

/**
 * SELECT's {@code QRESYNC (uidvalidity modseq [known-uids [seq-match-data]])} parameter
 * (RFC 7162 3.2.5) and the resynchronization it asks for: {@code VANISHED (EARLIER)} for the
 * known UIDs that are gone, then a FETCH of UID, FLAGS and MODSEQ for every message changed since
 * the client's mod-sequence. The sequence match data only helps servers that lack expunge
 * history to narrow the answer; it is read and not needed here.
 *
 * @param uidValidity the UIDVALIDITY the client knows; nothing is sent if it changed
 * @param modSeq the client's last known mod-sequence
 * @param knownUids the UIDs the client knows, or null for all
 */
record Qresync(long uidValidity, long modSeq, SequenceSet knownUids) {

    static Qresync parse(CommandReader r) throws ParseException {
        r.expect('(');
        long validity = r.nzNumber();
        r.sp();
        long modSeq = r.modSequence();
        SequenceSet known = null;
        if (r.optionalSp()) {
            known = r.sequenceSet();
            if (r.optionalSp()) {
                r.expect('(');
                r.sequenceSet();
                r.sp();
                r.sequenceSet();
                r.expect(')');
            }
        }
        r.expect(')');
        return new Qresync(validity, modSeq, known);
    }

    void resync(SelectedMailbox selected, long uidNext, ImapOutput out) {
        SequenceSet known = knownUids != null ? knownUids : SequenceSet.of(List.of(new SequenceSet.Range(1, SequenceSet.STAR)));
        List<SequenceSet.Range> gone = selected.missing(known.resolve(Math.max(1, uidNext - 1)), uidNext);
        if (!gone.isEmpty()) {
            out.untagged("VANISHED (EARLIER) " + SequenceSet.formatRanges(gone));
        }
        SequenceSet.Resolved range = known.resolve(selected.maxUid());
        for (long uid : selected.uids()) {
            if (selected.info(uid).modSeq() > modSeq && (knownUids == null || range.contains(uid))) {
                out.untagged(selected.fetchFlags(uid, true, true));
            }
        }
    }
}
