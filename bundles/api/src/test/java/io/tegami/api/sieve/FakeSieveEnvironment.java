package io.tegami.api.sieve;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A {@link SieveEnvironment} for tests: mailboxes are a set, the duplicate store a map from key
 * to the period last marked (no clock: marks never expire).
 */
public final class FakeSieveEnvironment implements SieveEnvironment {

    /** The mailboxes that exist; tests add to it. */
    public final Set<String> mailboxes = new HashSet<>();
    /** Marked duplicate keys and their periods in seconds. */
    public final Map<String, Long> marked = new HashMap<>();

    @Override
    public boolean mailboxExists(String mailbox) {
        return mailboxes.contains(mailbox);
    }

    @Override
    public boolean duplicateSeen(String key) {
        return marked.containsKey(key);
    }

    @Override
    public void duplicateMark(String key, long seconds, boolean last) {
        marked.put(key, seconds);
    }
}
