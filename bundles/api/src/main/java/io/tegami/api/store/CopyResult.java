package io.tegami.api.store;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of {@link Mailbox#copy} or {@link Mailbox#move}, for UIDPLUS COPYUID.
 *
 * @param uidValidity the target folder's UIDVALIDITY
 * @param uids source UID to new target UID, by ascending source UID (the new UIDs ascend too);
 *        source UIDs that did not exist are absent
 */
public record CopyResult(long uidValidity, SortedMap<Long, Long> uids) {

    public CopyResult {
        uids = Collections.unmodifiableSortedMap(new TreeMap<>(uids));
    }
}
