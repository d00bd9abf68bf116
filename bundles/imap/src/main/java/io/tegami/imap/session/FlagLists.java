package io.tegami.imap.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Flag lists as responses write them: {@code (\Seen $Work \Recent)}. */
public final class FlagLists {

    private static final List<String> SYSTEM = List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft");

    private FlagLists() {
    }

    /** A parenthesized list, in the order given. */
    public static String format(List<String> flags) {
        return "(" + String.join(" ", flags) + ")";
    }

    /**
     * A message's flags: system flags in RFC order, keywords sorted, then {@code \Recent}, so that
     * responses are the same whatever order a store keeps them in. Once per message of a FETCH:
     * built without streams or intermediate lists.
     */
    public static String format(Set<String> flags) {
        if (flags.isEmpty()) {
            return "()";
        }
        StringBuilder b = new StringBuilder(16 + 12 * flags.size()).append('(');
        for (String f : SYSTEM) {
            if (flags.contains(f)) {
                append(b, f);
            }
        }
        List<String> keywords = null;
        for (String f : flags) {
            if (!f.startsWith("\\")) {
                if (keywords == null) {
                    keywords = new ArrayList<>(flags.size());
                }
                keywords.add(f);
            }
        }
        if (keywords != null) {
            keywords.sort(null);
            for (String k : keywords) {
                append(b, k);
            }
        }
        if (flags.contains("\\Recent")) {
            append(b, "\\Recent");
        }
        return b.append(')').toString();
    }

    private static void append(StringBuilder b, String flag) {
        if (b.length() > 1) {
            b.append(' ');
        }
        b.append(flag);
    }
}
