package io.tegami.imap.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Writes strings the way responses need them: as an atom where the grammar allows one and the
 * text is a plain atom, else quoted, else (CR, LF, NUL, 8-bit text, or very long) as a literal.
 */
public final class ImapStrings {

    /** Longer strings go out as literals, which clients parse without escaping rules. */
    private static final int MAX_QUOTED = 1024;

    private ImapStrings() {
    }

    /** An {@code astring}: atom if possible, else a string. */
    public static String astring(String s) {
        return Chars.isAtom(s) ? s : string(s);
    }

    /** A {@code string}: quoted if possible, else a literal. */
    public static String string(String s) {
        if (s.length() <= MAX_QUOTED && quotable(s)) {
            return quote(s);
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return "{" + utf8.length + "}\r\n" + s;
    }

    /** An {@code nstring}: NIL for null. */
    public static String nstring(String s) {
        return s == null ? "NIL" : string(s);
    }

    /** A quoted string, escaping {@code "} and {@code \}; the caller checked {@link #quotable}. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** Whether a quoted string can carry {@code s}: 7-bit TEXT-CHARs only. */
    public static boolean quotable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || c >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
