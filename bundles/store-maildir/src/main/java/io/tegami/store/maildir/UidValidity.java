package io.tegami.store.maildir;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * New UIDVALIDITY values: the current time in seconds, as Dovecot starts them, but never the same
 * value twice in this process, so that a mailbox deleted and re-created within one second still
 * tells clients to drop their cached UIDs.
 */
final class UidValidity {

    private static final AtomicLong LAST = new AtomicLong();

    private UidValidity() {
    }

    static long next() {
        long now = Instant.now().getEpochSecond();
        return LAST.updateAndGet(last -> Math.max(now, last + 1));
    }
}
