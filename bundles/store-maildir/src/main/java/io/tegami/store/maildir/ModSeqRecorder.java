package io.tegami.store.maildir;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Keeps {@link ModSeqLog} in step with a sync: messages new to the log, or whose flag letters
 * differ from the log's (a rename by Dovecot or mutt), get the next modseq; UIDs gone from the
 * uidlist are logged as expunged. Writes only under the uidlist lock, and only when something
 * changed, so that a sync of an unchanged folder takes no lock.
 */
final class ModSeqRecorder {

    private ModSeqRecorder() {
    }

    /** Gives modseqs to messages new to the log or whose flags changed behind our back, and logs expunges. */
    static void record(ModSeqLog modseqs, UidListFile uidlist, UidList list, List<MaildirSync.Message> messages,
            Set<Long> listed, LongFunction<Entry> known) throws IOException {
        long v = list.uidValidity();
        modseqs.load(v);
        if (modseqs.valid(v) && pending(modseqs, messages, known).isEmpty()
                && expungedFromLog(modseqs, listed).isEmpty()) {
            return;
        }
        try (DotLock lock = uidlist.lock()) {
            modseqs.load(v);
            if (!modseqs.valid(v)) {
                Map<Long, ModSeqLog.Rec> initial = new HashMap<>();
                long start = startModSeq(list);
                for (MaildirSync.Message m : messages) {
                    initial.put(m.uid(), new ModSeqLog.Rec(start, MaildirFilename.parse(m.file().fileName()).flagChars()));
                }
                modseqs.create(v, start, initial);
                return;
            }
            Map<Long, String> changed = pending(modseqs, messages, known);
            List<Long> gone = expungedFromLog(modseqs, listed);
            modseqs.append(v, modseqs.next(), changed, gone);
        }
    }

    /**
     * The first HIGHESTMODSEQ of a log: 1 for a new mailbox; for one that has history but no log
     * (made by Dovecot, or the log was lost) the time in milliseconds, which is above any modseq
     * a client can have cached from an earlier log, so clients resynchronize rather than miss
     * changes.
     */
    static long startModSeq(UidList list) {
        return list.nextUid() > 1 ? System.currentTimeMillis() : 1;
    }

    private static Map<Long, String> pending(ModSeqLog modseqs, List<MaildirSync.Message> messages,
            LongFunction<Entry> known) {
        Map<Long, String> changed = new HashMap<>();
        for (MaildirSync.Message m : messages) {
            Entry e = known.apply(m.uid());
            // The index has the letters of a file it saw under this very name: no parsing again.
            String letters = e != null && e.file().fileName().equals(m.file().fileName()) ? e.letters()
                    : MaildirFilename.parse(m.file().fileName()).flagChars();
            ModSeqLog.Rec rec = modseqs.records().get(m.uid());
            if (rec == null || !rec.letters().equals(letters)) {
                changed.put(m.uid(), letters);
            }
        }
        return changed;
    }

    private static List<Long> expungedFromLog(ModSeqLog modseqs, Set<Long> listed) {
        List<Long> gone = new ArrayList<>();
        for (Long uid : modseqs.records().keySet()) {
            if (!listed.contains(uid)) {
                gone.add(uid);
            }
        }
        gone.sort(null);
        return gone;
    }
}
