package io.tegami.store.maildir;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The flag sets of a folder's messages, one immutable set per distinct string of info letters:
 * a folder of 100,000 messages has a handful of flag combinations, and its messages share their
 * sets instead of holding one each. Cleared when the keyword table changes. Guarded by the
 * folder lock.
 */
final class FlagSets {

    /** Past this many combinations (keywords in every mix) the cache starts over. */
    private static final int MAX = 4096;

    private final Map<String, Set<String>> sets = new HashMap<>();
    private KeywordTable table;

    /** The IMAP flags of {@code letters} under {@code keywords}. */
    Set<String> decode(String letters, KeywordTable keywords) {
        if (keywords != table || sets.size() >= MAX) {
            sets.clear();
            table = keywords;
        }
        Set<String> s = sets.get(letters);
        if (s == null) {
            s = Set.copyOf(MaildirFlags.decode(letters, keywords));
            sets.put(letters, s);
        }
        return s;
    }
}
