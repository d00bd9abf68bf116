package io.tegami.store.maildir;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which messages of a folder are still unclaimed {@code \Recent} (RFC 3501): every UID from
 * {@link #unclaimed} on goes to the first read-write handle that sees it. The handles keep what
 * they claimed. Kept with the folder's state, also while it is idle, so that a message is recent
 * for one session only, as in Dovecot. Guarded by the folder lock.
 */
final class RecentBook {

    private long firstUnclaimed = 1;

    /** The first sync: messages still in new/ (no client has seen them) and later UIDs are recent. */
    void start(long nextUid, Collection<Entry> entries) {
        firstUnclaimed = nextUid;
        for (Entry e : entries) {
            if (e.file().inNew()) {
                firstUnclaimed = Math.min(firstUnclaimed, e.uid());
            }
        }
    }

    /** Whether {@code uid} is unclaimed (what a read-only handle shows as recent). */
    boolean unclaimed(long uid) {
        return uid >= firstUnclaimed;
    }

    /** Claims the unclaimed among {@code entries}; returns their UIDs. */
    List<Long> claim(Collection<Entry> entries) {
        long max = -1;
        List<Long> mine = new ArrayList<>();
        for (Entry e : entries) {
            if (e.uid() >= firstUnclaimed) {
                mine.add(e.uid());
                max = Math.max(max, e.uid());
            }
        }
        if (max >= 0) {
            firstUnclaimed = max + 1;
        }
        return mine;
    }
}
