package io.tegami.store.maildir;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;

/**
 * The in-memory index of one maildir: every message as last synced ({@link Entry}, by UID), and
 * what proves it still matches the disk: the {@link DirStamp} of new/ and cur/ seen before the
 * last scan (when settled), the {@code dovecot-uidlist} and the {@code tegami-modseq} version
 * that scan used. While all three are unchanged a sync costs four stat() calls and no scan,
 * which is what makes a warm SELECT of a big folder take milliseconds. Guarded by the folder lock.
 */
final class FolderIndex {

    private final TreeMap<Long, Entry> known = new TreeMap<>();
    /** The same entries by base file name, for an incremental sync to match a scan against. */
    private final HashMap<String, Entry> byBase = new HashMap<>();
    private List<Entry> snapshot;
    /** Whether every record of {@link #list} has an entry (a scan that saw all the files). */
    private boolean complete;
    private DirStamp settled;
    /**
     * The directories' stamp right after this JVM's own flag renames, while not settled: it
     * changed by those only, or by changes in the same clock tick, which the scan that is due
     * once the stamp settles finds (a delay of at most {@link DirStamp#SETTLE_MILLIS}).
     */
    private DirStamp own;
    private UidList list;
    private long modSeqVersion = -1;

    /** The entry of {@code uid} (boxed by the caller: callers holding a Long box nothing). */
    Entry get(Long uid) {
        return known.get(uid);
    }

    /** The entry of a base file name, or null. */
    Entry byBase(String base) {
        return byBase.get(base);
    }

    boolean contains(long uid) {
        return known.containsKey(uid);
    }

    int size() {
        return known.size();
    }

    /** The entries in UID order: one shared, unmodifiable list until the next change. */
    List<Entry> entries() {
        List<Entry> s = snapshot;
        if (s == null) {
            s = Collections.unmodifiableList(new ArrayList<>(known.values()));
            snapshot = s;
        }
        return s;
    }

    /** The entries as a live view, for a sync that compares them with the disk. */
    Collection<Entry> values() {
        return known.values();
    }

    void put(Entry e) {
        Entry old = known.put(e.uid(), e);
        if (old != e) {
            snapshot = null;
            if (old != null && !old.file().base().equals(e.file().base())) {
                byBase.remove(old.file().base(), old);
            }
            byBase.put(e.file().base(), e);
        }
    }

    void remove(long uid) {
        Entry old = known.remove(uid);
        if (old != null) {
            snapshot = null;
            byBase.remove(old.file().base(), old);
            complete = false; // its uidlist record may still be there: the next scan settles it
        }
    }

    /** Replaces everything with the result of a scan. */
    void replace(TreeMap<Long, Entry> next) {
        known.clear();
        known.putAll(next);
        byBase.clear();
        for (Entry e : next.values()) {
            byBase.put(e.file().base(), e);
        }
        snapshot = null;
    }

    /** Forgets everything (a new UIDVALIDITY). */
    void clear() {
        known.clear();
        byBase.clear();
        complete = false;
        snapshot = null;
        settled = null;
        own = null;
        list = null;
        modSeqVersion = -1;
    }

    /**
     * Whether the disk is as the last scan saw it: same settled directories, the very uidlist
     * object (the uidlist file's cache returns the same one while the file is unchanged) and the
     * same modseq log.
     */
    boolean fresh(DirStamp now, UidList currentList, long currentModSeqVersion) {
        return settled != null && settled.sameAs(now) && list != null && currentList == list
                && currentModSeqVersion == modSeqVersion;
    }

    /**
     * Whether the directories are as this JVM's own renames left them ({@link #ownChange}), not
     * yet settled at {@code nowMillis}, with the uidlist and modseq log they left: a STORE then
     * does not rescan cur/ for the previous STORE's rename.
     */
    boolean freshAfterOwnChange(DirStamp now, long nowMillis, UidList currentList, long currentModSeqVersion) {
        return own != null && own.sameAs(now) && !own.settledAt(nowMillis) && list != null
                && currentList == list && currentModSeqVersion == modSeqVersion;
    }

    /** Records the stamp read right after this JVM's own renames (see {@link #own}); needs an incremental index. */
    void ownChange(DirStamp after) {
        own = complete && list != null ? after : null;
    }

    /** Whether the last scan used this very uidlist. */
    boolean builtFrom(UidList currentList) {
        return list != null && currentList == list;
    }

    /**
     * Whether the index can be brought up to date by looking only at what differs from it: it
     * was built from this uidlist and modseq log, and has an entry for every uidlist record.
     */
    boolean incremental(UidList currentList, long currentModSeqVersion) {
        return complete && builtFrom(currentList) && currentModSeqVersion == modSeqVersion;
    }

    /**
     * Records what a scan was based on: {@code stamp} read before it began at
     * {@code scanStartMillis}, and the uidlist and modseq log it left.
     */
    void scanned(DirStamp stamp, long scanStartMillis, UidList usedList, long usedModSeqVersion) {
        settled = stamp != null && stamp.settledAt(scanStartMillis) ? stamp : null;
        own = null;
        list = usedList;
        modSeqVersion = usedModSeqVersion;
        complete = usedList != null && usedList.records().size() == known.size();
    }

    /**
     * A change of this JVM replaced the uidlist and the modseq log it was built from (an append
     * numbered files whose entries are {@link #put} already, a flag change logged its modseqs):
     * the index stays usable for incremental syncs. The directories changed too, so the next
     * sync still scans them.
     */
    void advance(UidList before, long modSeqVersionBefore, UidList after, long modSeqVersionAfter) {
        if (incremental(before, modSeqVersionBefore)) {
            list = after;
            modSeqVersion = modSeqVersionAfter;
            settled = null;
            own = null;
            complete = after.records().size() == known.size();
        }
    }
}
