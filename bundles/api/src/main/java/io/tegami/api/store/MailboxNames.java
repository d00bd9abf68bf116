package io.tegami.api.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules every store applies to mailbox names from clients, so that no name can reach outside
 * the user's mail directory and both stores accept the same names. A store may add limits of its
 * own (the length of one directory entry, say) but should not relax these.
 *
 * <p>Refused with {@link StoreException.Reason#INVALID_NAME}: the empty name; NUL and other C0 or
 * C1 control characters and DEL; {@code /} unless it is the delimiter; {@code \}; the IMAP
 * wildcards {@code *} and {@code %}; a leading {@code ~} (home expansion); an empty level
 * (leading, trailing or doubled delimiter); a level {@code .} or {@code ..}; unpaired UTF-16
 * surrogates; more than {@value #MAX_LEVEL_LENGTH} characters in a level or
 * {@value #MAX_LENGTH} in the whole name.
 */
public final class MailboxNames {

    /** The longest name accepted, in characters. */
    public static final int MAX_LENGTH = 512;
    /** The longest level (between delimiters) accepted, in characters. */
    public static final int MAX_LEVEL_LENGTH = 200;

    private MailboxNames() {
    }

    /**
     * Checks a name and returns it normalized: a first level equal to INBOX in any case becomes
     * {@code INBOX} ({@code inbox.Sent} gives {@code INBOX.Sent} with delimiter {@code .}).
     *
     * @throws StoreException {@link StoreException.Reason#INVALID_NAME} if it is not allowed
     */
    public static String normalize(String name, char delimiter) throws StoreException {
        if (name == null || name.isEmpty()) {
            throw invalid(name, "empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw invalid(name, "too long");
        }
        if (name.charAt(0) == '~') {
            throw invalid(name, "starts with ~");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                throw invalid(name, "contains a control character");
            }
            if ((c == '/' && delimiter != '/') || c == '\\' || c == '*' || c == '%') {
                throw invalid(name, "contains '" + c + "'");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= name.length() || !Character.isLowSurrogate(name.charAt(i + 1))) {
                    throw invalid(name, "bad UTF-16");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw invalid(name, "bad UTF-16");
            }
        }
        int start = 0;
        while (true) {
            int end = name.indexOf(delimiter, start);
            String level = end < 0 ? name.substring(start) : name.substring(start, end);
            if (level.isEmpty()) {
                throw invalid(name, "empty hierarchy level");
            }
            if (level.equals(".") || level.equals("..")) {
                throw invalid(name, "'" + level + "' is not a folder name");
            }
            if (level.length() > MAX_LEVEL_LENGTH) {
                throw invalid(name, "too long");
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        int d = name.indexOf(delimiter);
        String first = d < 0 ? name : name.substring(0, d);
        if (first.equalsIgnoreCase(MailboxSession.INBOX)) {
            return MailboxSession.INBOX + (d < 0 ? "" : name.substring(d));
        }
        return name;
    }

    /** Whether a normalized name is INBOX. */
    public static boolean isInbox(String normalized) {
        return MailboxSession.INBOX.equals(normalized);
    }

    /** The parent names of a normalized name, outermost first: {@code a.b.c} gives {@code a}, {@code a.b}. */
    public static List<String> parents(String normalized, char delimiter) {
        List<String> out = new ArrayList<>();
        int i = normalized.indexOf(delimiter);
        while (i >= 0) {
            out.add(normalized.substring(0, i));
            i = normalized.indexOf(delimiter, i + 1);
        }
        return out;
    }

    private static StoreException invalid(String name, String why) {
        String shown = name == null ? "" : name.length() > 80 ? name.substring(0, 80) + "..." : name;
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            safe.append(c < 0x20 || c == 0x7f ? '?' : c); // never echo control bytes into a log or reply
        }
        return new StoreException(StoreException.Reason.INVALID_NAME, "invalid mailbox name '" + safe + "': " + why);
    }
}
