package io.tegami.imap.protocol;

/** The character classes of RFC 3501's formal syntax (section 9). */
public final class Chars {

    private Chars() {
    }

    /** CTL: %x00-1F / %x7F. */
    public static boolean isCtl(int b) {
        return (b >= 0 && b < 0x20) || b == 0x7f;
    }

    /** ATOM-CHAR: any CHAR except atom-specials ({@code ( ) { SP CTL % * " \ ]}). */
    public static boolean isAtomChar(int b) {
        b &= 0xff;
        if (b >= 0x80 || isCtl(b)) {
            return false;
        }
        return switch (b) {
            case '(', ')', '{', ' ', '%', '*', '"', '\\', ']' -> false;
            default -> true;
        };
    }

    /** ASTRING-CHAR: ATOM-CHAR or resp-specials ({@code ]}). */
    public static boolean isAstringChar(int b) {
        return isAtomChar(b) || (b & 0xff) == ']';
    }

    /** list-char: ATOM-CHAR, list-wildcards ({@code % *}) or resp-specials. */
    public static boolean isListChar(int b) {
        return isAstringChar(b) || (b & 0xff) == '%' || (b & 0xff) == '*';
    }

    /** Whether a string can be sent as an atom (and is not the atom NIL). */
    public static boolean isAtom(String s) {
        if (s.isEmpty() || s.equalsIgnoreCase("NIL")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80 || !isAtomChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
