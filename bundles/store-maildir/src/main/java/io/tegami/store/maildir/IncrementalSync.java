package io.tegami.store.maildir;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings a folder's {@link FolderIndex} up to date with a scan by looking only at what differs:
 * files renamed (flags changed by Dovecot, mutt or this store) get their new letters and a
 * modseq, new files (deliveries) are numbered by appending to {@code dovecot-uidlist}, as
 * Dovecot does, and described with one stat() each. A folder of 100,000 messages then costs a
 * readdir() and a hash lookup per file, not a re-read of its uidlist, a rebuild of its index and
 * a rewrite of the uidlist.
 *
 * <p>Anything else (a file gone, an unsettled scan, a uidlist or modseq log changed by someone
 * else) returns null and the caller does the full sync, which also drops the records of
 * vanished files from the uidlist.
 */
final class IncrementalSync {

    /** A file of an indexed message found under another name. */
    private record Move(Entry entry, MaildirScanner.Found to) {
    }

    private IncrementalSync() {
    }

    /**
     * Syncs {@code st}'s index with the disk. The folder lock is held; the index was found
     * {@link FolderIndex#incremental incremental} just before.
     *
     * @param stamp the directories' stamp read before the scan
     * @param scanStart when the scan began (wall clock)
     * @return what changed, or null if only a full sync can tell
     */
    static Changes run(FolderState st, DirStamp stamp, long scanStart) throws IOException {
        FolderIndex index = st.index();
        MaildirScanner.Scan scan = MaildirScanner.scan(st.maildir);
        if (!scan.stable()) {
            return null;
        }
        List<Move> moved = new ArrayList<>();
        List<MaildirScanner.Found> fresh = new ArrayList<>();
        int seen = 0;
        for (MaildirScanner.Found f : scan.files().values()) {
            Entry e = index.byBase(f.base());
            if (e == null) {
                fresh.add(f);
            } else {
                seen++;
                if (!e.file().same(f)) {
                    moved.add(new Move(e, f));
                }
            }
        }
        if (seen != index.size()) {
            return null; // expunged by someone: the uidlist must lose records
        }
        if (moved.isEmpty() && fresh.isEmpty()) {
            index.scanned(stamp, scanStart, st.uidlist.read().orElse(null), st.modseqs.version());
            return Changes.none();
        }
        try (DotLock lock = st.uidlist.lock()) {
            UidList list = st.uidlist.read().orElse(null);
            if (list == null) {
                return null;
            }
            long v = list.uidValidity();
            st.modseqs.load(v);
            if (!st.modseqs.valid(v) || !index.incremental(list, st.modseqs.version())) {
                return null; // changed by another writer while we scanned
            }
            long modSeq = st.modseqs.next();
            Map<Long, String> logged = new LinkedHashMap<>();
            List<Entry> flagged = new ArrayList<>();
            for (Move m : moved) {
                Entry old = m.entry();
                Entry now = new Entry(old.uid(), m.to(), old.size(), old.vsize(), old.date(), old.modSeq());
                if (!now.letters().equals(old.letters())) {
                    now = now.at(m.to(), modSeq);
                    logged.put(now.uid(), now.letters());
                    flagged.add(now);
                }
                index.put(now); // a move from new/ to cur/ alone changes no flag
            }
            List<Entry> added = new ArrayList<>();
            if (!fresh.isEmpty()) {
                list = number(st, list, fresh, modSeq, added, logged);
            }
            if (!logged.isEmpty()) {
                st.modseqs.append(v, modSeq, logged, List.of());
            }
            index.scanned(stamp, scanStart, list, st.modseqs.version());
            return new Changes(added, List.of(), flagged);
        }
    }

    /** Gives the new files the next UIDs in delivery order and appends them to the uidlist. */
    private static UidList number(FolderState st, UidList list, List<MaildirScanner.Found> fresh, long modSeq,
            List<Entry> added, Map<Long, String> logged) throws IOException {
        MaildirFilename.sortByDeliveryOrder(fresh, MaildirScanner.Found::fileName);
        List<String> bases = new ArrayList<>(fresh.size());
        fresh.forEach(f -> bases.add(f.base()));
        UidList next = list.appendAll(bases);
        st.uidlist.append(list, next);
        long uid = list.nextUid();
        for (MaildirScanner.Found f : fresh) {
            Entry e = EntryReader.describe(st.maildir, new MaildirSync.Message(uid, f), null, modSeq);
            if (e != null) { // else it vanished since the scan: the index is incomplete, the next sync is full
                st.index().put(e);
                added.add(e);
                logged.put(uid, e.letters());
            }
            uid++;
        }
        return next;
    }
}
