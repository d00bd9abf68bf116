package io.tegami.api.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The IMAP system flags (RFC 3501 2.3.2) and helpers for flag sets. Any other flag string is a
 * keyword: an IMAP atom without a leading backslash ({@code $Forwarded}, {@code NonJunk}).
 * System flags are matched without case and always spelled as here.
 */
public final class Flags {

    public static final String SEEN = "\\Seen";
    public static final String ANSWERED = "\\Answered";
    public static final String FLAGGED = "\\Flagged";
    public static final String DELETED = "\\Deleted";
    public static final String DRAFT = "\\Draft";
    /** Session-only: never stored; see {@link MessageInfo#recent()}. */
    public static final String RECENT = "\\Recent";

    /** The five stored system flags, in RFC order. */
    public static final List<String> SYSTEM = List.of(ANSWERED, FLAGGED, DELETED, SEEN, DRAFT);

    /** The longest keyword accepted, in characters. */
    public static final int MAX_KEYWORD_LENGTH = 200;

    private Flags() {
    }

    /** A system flag in its canonical spelling ({@code \SEEN} gives {@code \Seen}); others unchanged. */
    public static String normalize(String flag) {
        if (flag.startsWith("\\")) {
            for (String s : SYSTEM) {
                if (s.equalsIgnoreCase(flag)) {
                    return s;
                }
            }
            if (RECENT.equalsIgnoreCase(flag)) {
                return RECENT;
            }
        }
        return flag;
    }

    /** Whether {@code flag} is one of the five stored system flags (any case). */
    public static boolean isSystem(String flag) {
        return SYSTEM.contains(normalize(flag));
    }

    /**
     * Whether {@code flag} can be stored as a keyword: a non-empty IMAP atom (no controls, spaces,
     * {@code ( ) { % * " \ ]}, no non-ASCII) of at most {@link #MAX_KEYWORD_LENGTH} characters.
     */
    public static boolean isValidKeyword(String flag) {
        if (flag == null || flag.isEmpty() || flag.length() > MAX_KEYWORD_LENGTH) {
            return false;
        }
        for (int i = 0; i < flag.length(); i++) {
            char c = flag.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The flags a store keeps from a client's set: system flags normalized, {@code \Recent} and
     * unknown backslash flags dropped, keywords kept if valid.
     */
    public static Set<String> storable(Set<String> flags) {
        Set<String> out = new LinkedHashSet<>();
        if (flags == null) {
            return out;
        }
        for (String f : flags) {
            String n = normalize(f);
            if (SYSTEM.contains(n) || (!n.startsWith("\\") && isValidKeyword(n))) {
                out.add(n);
            }
        }
        return out;
    }

    /** The keywords of a flag set (everything but system flags and {@code \Recent}). */
    public static Set<String> keywords(Set<String> flags) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : flags) {
            if (!f.startsWith("\\")) {
                out.add(f);
            }
        }
        return out;
    }
}
