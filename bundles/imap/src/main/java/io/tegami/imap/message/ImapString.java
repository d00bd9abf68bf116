package io.tegami.imap.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes values as IMAP strings (RFC 3501 4.3, 9: quoted, literal or NIL), choosing as Dovecot
 * does: a quoted string unless the value has CR, LF, NUL or 8-bit characters, or more than four
 * characters that need a backslash, in which case a literal. Text is written as UTF-8; NUL, which
 * no IMAP string may carry, is sent as octet 0x80 (as Dovecot does). Usable for any response.
 */
public final class ImapString {

    /** Beyond this many {@code "} and {@code \}, a literal is shorter than the escaped string. */
    private static final int MAX_ESCAPES = 4;

    private ImapString() {
    }

    /** Writes {@code value} as an nstring: {@code NIL} for null. */
    public static void nstring(ByteArrayOutputStream out, String value) {
        if (value == null) {
            ascii(out, "NIL");
        } else {
            string(out, value);
        }
    }

    /** Writes {@code value} as a string (quoted or literal). */
    public static void string(ByteArrayOutputStream out, String value) {
        if (needsLiteral(value)) {
            byte[] b = bytes(value);
            ascii(out, "{" + b.length + "}\r\n");
            out.write(b, 0, b.length);
        } else {
            out.write('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    out.write('\\');
                }
                out.write(c);
            }
            out.write('"');
        }
    }

    /** Writes {@code value} as an astring: a bare atom when it can be one, else a string. */
    public static void astring(ByteArrayOutputStream out, String value) {
        if (isAtom(value) && !value.equalsIgnoreCase("NIL")) {
            ascii(out, value);
        } else {
            string(out, value);
        }
    }

    /**
     * Writes text meant to be read by people (ENVELOPE subject and address names) as Dovecot does:
     * CR and LF dropped, runs of blanks and tabs made one space, leading and trailing blanks
     * removed. Null gives {@code NIL}.
     */
    public static void humanNString(ByteArrayOutputStream out, String value) {
        nstring(out, value == null ? null : forHumans(value));
    }

    /** The value of {@link #humanNString}, without the quoting. */
    public static String forHumans(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                continue;
            }
            if (c == ' ' || c == '\t') {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The bytes of {@code value} as an nstring. */
    public static byte[] nstring(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value == null ? 3 : value.length() + 2);
        nstring(out, value);
        return out.toByteArray();
    }

    /** Whether {@code value} must be sent as a literal rather than a quoted string. */
    public static boolean needsLiteral(String value) {
        int escapes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || c >= 0x80) {
                return true;
            }
            if ((c == '"' || c == '\\') && ++escapes > MAX_ESCAPES) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code value} is a non-empty run of IMAP ASTRING-CHARs (atom chars and {@code ]}). */
    public static boolean isAtom(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "(){%*\"\\".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Writes ASCII text (atoms, numbers, punctuation) as it is. */
    public static void ascii(ByteArrayOutputStream out, String text) {
        for (int i = 0; i < text.length(); i++) {
            out.write(text.charAt(i));
        }
    }

    private static byte[] bytes(String value) {
        if (value.indexOf('\0') < 0) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                b[i] = (byte) 0x80;
            }
        }
        return b;
    }
}
