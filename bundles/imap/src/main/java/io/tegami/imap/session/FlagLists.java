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
     * responses are the same whatever order a store keeps them in.
     */
    public static String format(Set<String> flags) {
        List<String> out = new ArrayList<>();
        for (String f : SYSTEM) {
            if (flags.contains(f)) {
                out.add(f);
            }
        }
        flags.stream().filter(f -> !f.startsWith("\\")).sorted().forEach(out::add);
        if (flags.contains("\\Recent")) {
            out.add("\\Recent");
        }
        return format(out);
    }
}
