package io.tegami.imap.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dovecot's {@code mail_max_userip_connections}: how many logged-in sessions one user may have
 * from one IP address at once. Shared by every session of the handler.
 */
public final class UserIpLimiter {

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    /**
     * Takes a slot for {@code user} from {@code ip}.
     *
     * @param max the limit; 0 for none
     * @return false if the limit is reached (nothing taken)
     */
    public boolean acquire(String user, String ip, long max) {
        boolean[] ok = {true};
        counts.compute(key(user, ip), (k, n) -> {
            int current = n == null ? 0 : n;
            if (max > 0 && current >= max) {
                ok[0] = false;
                return n;
            }
            return current + 1;
        });
        return ok[0];
    }

    /** Gives a slot back. */
    public void release(String user, String ip) {
        counts.computeIfPresent(key(user, ip), (k, n) -> n <= 1 ? null : n - 1);
    }

    /** The sessions of {@code user} from {@code ip} now. */
    public int count(String user, String ip) {
        return counts.getOrDefault(key(user, ip), 0);
    }

    private static String key(String user, String ip) {
        return user + "\0" + ip;
    }
}
