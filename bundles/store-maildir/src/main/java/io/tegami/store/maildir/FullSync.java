package io.tegami.store.maildir;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The full sync of a folder's index, for when the incremental one ({@link IncrementalSync})
 * cannot tell: after {@link MaildirSync} brought the uidlist in line with new/ and cur/ (files
 * numbered, records of vanished files dropped), every message is matched with the index; entries
 * of files seen before are kept without a stat or a parse.
 */
final class FullSync {

    private FullSync() {
    }

    /**
     * Brings the index in line with a scan: entries of files seen before are kept (no stat, no
     * parse), new files are described once, vanished UIDs are collected as expunged.
     */
    static Changes.Builder merge(FolderState fs, MaildirSync.State st, UidList list) throws IOException {
        FolderIndex index = fs.index();
        ModSeqLog modseqs = fs.modseqs;
        Set<Long> listed = new HashSet<>();
        Map<Long, UidList.Record> records = new HashMap<>();
        for (UidList.Record r : list.records()) {
            listed.add(r.uid());
            records.put(r.uid(), r);
        }
        ModSeqRecorder.record(modseqs, fs.uidlist, list, st.messages(), listed, index::get);
        Changes.Builder ch = new Changes.Builder();
        TreeMap<Long, Entry> next = new TreeMap<>();
        for (MaildirSync.Message m : st.messages()) {
            Entry old = index.get(m.uid());
            ModSeqLog.Rec rec = modseqs.records().get(m.uid());
            long modSeq = rec == null ? Math.max(1, modseqs.highest()) : rec.modSeq();
            Entry e = old != null && old.file().base().equals(m.file().base()) ? old.at(m.file(), modSeq)
                    : EntryReader.describe(fs.maildir, m, records.get(m.uid()), modSeq);
            if (e == null) {
                continue; // vanished while we looked: the next sync knows more
            }
            next.put(e.uid(), e);
            if (old == null) {
                ch.added.add(e);
            } else if (!old.letters().equals(e.letters()) || old.modSeq() != e.modSeq()) {
                ch.flagsChanged.add(e);
            }
        }
        for (Entry old : index.values()) {
            if (!next.containsKey(old.uid())) {
                if (listed.contains(old.uid())) {
                    next.put(old.uid(), old); // not seen in an unsettled scan: still there
                } else {
                    ch.expunged.add(old.uid());
                }
            }
        }
        index.replace(next);
        return ch;
    }

}
