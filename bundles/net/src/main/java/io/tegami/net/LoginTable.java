package io.tegami.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.tegami.api.net.LoginInfo;
import io.tegami.api.net.LoginRegistry;

/**
 * The logged-in sessions and their count per protocol, client IP and user: the bookkeeping of
 * {@link NetLoginRegistry}, without connections, so that it can be tested alone. Each entry
 * carries how to end its session; kicks run outside the lock.
 */
final class LoginTable {

    /** What {@code mail_max_userip_connections} counts: Dovecot's anvil key {@code protocol/ip/user}. */
    private record Key(String protocol, InetAddress ip, String user) {
    }

    private final Map<Key, Integer> counts = new HashMap<>(); // guarded by this
    private final Set<Entry> entries = new LinkedHashSet<>(); // guarded by this; oldest first

    /**
     * Adds a login unless its user already has {@code max} logins of the protocol from the IP.
     *
     * @param max the limit; 0 or less for none
     * @param kick ends the session with its protocol's goodbye, from any thread; null if it cannot be reached
     * @return the entry, or empty if the limit is reached (nothing added)
     */
    synchronized Optional<LoginRegistry.Login> add(LoginInfo info, int max, Runnable kick) {
        Key key = new Key(info.protocol(), info.remoteIp(), info.user());
        int now = counts.getOrDefault(key, 0);
        if (max > 0 && now >= max) {
            return Optional.empty();
        }
        counts.put(key, now + 1);
        Entry e = new Entry(key, info, kick);
        entries.add(e);
        return Optional.of(e);
    }

    /** Logins of {@code user} with {@code protocol} from {@code ip} now. */
    synchronized int count(String protocol, InetAddress ip, String user) {
        return counts.getOrDefault(new Key(protocol, ip, user), 0);
    }

    synchronized List<LoginInfo> list() {
        return entries.stream().map(Entry::info).toList();
    }

    /**
     * Asks the chosen sessions to end. Those that cannot be reached are left alone and not
     * returned.
     */
    List<LoginInfo> kick(Predicate<? super LoginInfo> which) {
        List<Entry> chosen;
        synchronized (this) {
            chosen = entries.stream().filter(e -> e.kick != null && which.test(e.info)).toList();
        }
        List<LoginInfo> kicked = new ArrayList<>(chosen.size());
        for (Entry e : chosen) {
            e.kick.run();
            kicked.add(e.info);
        }
        return kicked;
    }

    private synchronized void remove(Entry e) {
        if (entries.remove(e)) {
            counts.computeIfPresent(e.key, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** One login; identity matters, since two logins may look alike. */
    private final class Entry implements LoginRegistry.Login {
        private final Key key;
        private final LoginInfo info;
        private final Runnable kick;

        Entry(Key key, LoginInfo info, Runnable kick) {
            this.key = key;
            this.info = info;
            this.kick = kick;
        }

        @Override
        public LoginInfo info() {
            return info;
        }

        @Override
        public void close() {
            remove(this);
        }
    }
}
