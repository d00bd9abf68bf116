package io.tegami.store.maildir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.tegami.api.store.Flags;

/**
 * IMAP flags to Maildir info letters and back: D \Draft, F \Flagged, R \Answered, S \Seen,
 * T \Deleted, and a..z for keywords through {@link KeywordTable}. Letters are kept in ASCII order
 * as the Maildir spec requires; letters this store does not map ('P' passed, unnamed keywords)
 * are preserved when flags change, as Dovecot does.
 */
final class MaildirFlags {

    private static final Map<Character, String> SYSTEM = Map.of(
            'D', Flags.DRAFT, 'F', Flags.FLAGGED, 'R', Flags.ANSWERED, 'S', Flags.SEEN, 'T', Flags.DELETED);
    private static final Map<String, Character> LETTERS = Map.of(
            Flags.DRAFT, 'D', Flags.FLAGGED, 'F', Flags.ANSWERED, 'R', Flags.SEEN, 'S', Flags.DELETED, 'T');

    private MaildirFlags() {
    }

    /** The IMAP flags and keywords of the given info letters. */
    static Set<String> decode(String letters, KeywordTable keywords) {
        Set<String> flags = new LinkedHashSet<>();
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            String system = SYSTEM.get(c);
            if (system != null) {
                flags.add(system);
            } else {
                String keyword = keywords.name(c);
                if (keyword != null) {
                    flags.add(keyword);
                }
            }
        }
        return flags;
    }

    /**
     * The info letters for {@code flags}, keeping the letters of {@code previous} that have no
     * IMAP meaning here. Keywords without a letter in {@code keywords} are left out.
     */
    static String encode(Set<String> flags, KeywordTable keywords, String previous) {
        TreeSet<Character> letters = new TreeSet<>();
        for (String flag : flags) {
            Character system = LETTERS.get(systemCase(flag));
            if (system != null) {
                letters.add(system);
            } else if (isKeyword(flag)) {
                char k = keywords.letter(flag);
                if (k != 0) {
                    letters.add(k);
                }
            }
        }
        for (int i = 0; i < previous.length(); i++) {
            char c = previous.charAt(i);
            boolean mapped = SYSTEM.containsKey(c) || keywords.name(c) != null;
            if (!mapped && c > ' ' && c < 0x7f && c != ',') {
                letters.add(c);
            }
        }
        StringBuilder out = new StringBuilder(letters.size());
        letters.forEach(out::append);
        return out.toString();
    }

    /** The keywords among {@code flags} (not system flags, not \Recent). */
    static List<String> keywords(Set<String> flags) {
        List<String> result = new ArrayList<>();
        for (String flag : flags) {
            if (isKeyword(flag)) {
                result.add(flag);
            }
        }
        return result;
    }

    /**
     * Whether {@code flag} can be stored as a keyword: an IMAP atom, not starting with '\' (system
     * flags such as \Recent or unknown ones are not keywords), and safe in dovecot-keywords.
     */
    static boolean isKeyword(String flag) {
        if (flag == null || flag.isEmpty() || flag.charAt(0) == '\\') {
            return false;
        }
        for (int i = 0; i < flag.length(); i++) {
            char c = flag.charAt(i);
            if (c <= ' ' || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** System flags are case-insensitive in IMAP; map "\SEEN" to {@link Flags#SEEN}. */
    private static String systemCase(String flag) {
        if (flag == null || flag.isEmpty() || flag.charAt(0) != '\\') {
            return flag;
        }
        for (String known : LETTERS.keySet()) {
            if (known.equalsIgnoreCase(flag)) {
                return known;
            }
        }
        return flag;
    }
}
