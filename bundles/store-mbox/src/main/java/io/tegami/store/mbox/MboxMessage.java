package io.tegami.store.mbox;

import java.time.Instant;
import java.util.Set;

/**
 * One message of an mbox with its decided UID and stored flags.
 *
 * @param scan where it is in the file and what its headers said
 * @param uid its UID
 * @param flags its stored flags (system flags and keywords)
 * @param old whether Status has O: a session has seen it, so it is no longer \Recent for anyone
 */
record MboxMessage(ScannedMessage scan, long uid, Set<String> flags, boolean old) {

    MboxMessage {
        flags = Set.copyOf(flags);
    }

    Instant date() {
        return scan.date();
    }

    MboxMessage withFlags(Set<String> newFlags) {
        return new MboxMessage(scan, uid, newFlags, old);
    }

    MboxMessage withOld(boolean isOld) {
        return isOld == old ? this : new MboxMessage(scan, uid, flags, isOld);
    }
}
