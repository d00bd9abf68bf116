package io.tegami.imap.session;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets the IDLE sessions on one folder share its periodic look at the disk: a store passes the
 * changes a refresh finds to the listeners of every handle of the folder (see the store API), so
 * when ten thousand sessions idle on a few folders, one refresh per folder and check interval
 * tells them all. Keyed by the user's home and the mailbox name; one small entry per folder
 * ever idled on.
 */
final class SharedRefresh {

    private static final ConcurrentHashMap<String, Long> LAST = new ConcurrentHashMap<>();

    private SharedRefresh() {
    }

    /**
     * Whether the caller should refresh {@code mailbox} of the user with {@code home} now: false if another
     * session did within the last {@code intervalMillis} (less a little, so that sessions whose
     * ticks are slightly apart still share).
     */
    static boolean due(String home, String mailbox, long nowMillis, long intervalMillis) {
        String key = home + '\u0000' + mailbox;
        long threshold = nowMillis - intervalMillis * 9 / 10;
        boolean[] due = {false};
        LAST.compute(key, (k, last) -> {
            if (last == null || last <= threshold) {
                due[0] = true;
                return nowMillis;
            }
            return last;
        });
        return due[0];
    }
}
