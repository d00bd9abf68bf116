package io.tegami.store.mbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.tegami.api.store.Flags;

/**
 * The headers in which mbox keeps IMAP state, written and read as Dovecot and c-client (UW-IMAP,
 * Pine) do:
 * <ul>
 * <li>{@code X-IMAPbase: <uidvalidity> <last uid, 10 digits> [keyword...]} in the first message;
 *     {@code X-IMAP} is the same in a "pseudo message" that only holds folder data;</li>
 * <li>{@code X-UID: <uid>};</li>
 * <li>{@code Status: R} (\Seen) {@code O} (not \Recent);</li>
 * <li>{@code X-Status: A} (\Answered) {@code F} (\Flagged) {@code T} (\Draft) {@code D}
 *     (\Deleted);</li>
 * <li>{@code X-Keywords: kw...}, only keywords listed in X-IMAPbase count;</li>
 * <li>{@code Content-Length}: the body's length, which bounds the message when it is right.</li>
 * </ul>
 * None of them is shown to IMAP or POP3 clients, and a delivery drops any copy of them that
 * arrives in a message (they would let a sender fake flags or UIDs).
 */
final class MboxHeaders {

    static final String X_IMAPBASE = "X-IMAPbase";
    static final String X_IMAP = "X-IMAP";
    static final String X_UID = "X-UID";
    static final String STATUS = "Status";
    static final String X_STATUS = "X-Status";
    static final String X_KEYWORDS = "X-Keywords";
    static final String CONTENT_LENGTH = "Content-Length";

    /** Dovecot's mbox_hide_headers, in lower case. */
    private static final Set<String> HIDDEN = Set.of("content-length", "status", "x-imap", "x-imapbase",
            "x-keywords", "x-status", "x-uid");

    /** Dovecot wraps X-IMAPbase and X-Keywords lines longer than this. */
    private static final int WRAP = 1024;

    private MboxHeaders() {
    }

    /** True for a header Tegami (and Dovecot) keeps to itself. */
    static boolean hidden(String name) {
        return HIDDEN.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The header name of a header line (the text before the colon), or null if it is none. */
    static String fieldName(byte[] line, int len) {
        for (int i = 0; i < len; i++) {
            byte b = line[i];
            if (b == ':') {
                String name = new String(line, 0, i, java.nio.charset.StandardCharsets.ISO_8859_1).stripTrailing();
                return name.isEmpty() ? null : name;
            }
            if ((b < 33 && b != ' ' && b != '\t') || b == 0x7f || (i == 0 && (b == ' ' || b == '\t'))) {
                return null;
            }
        }
        return null;
    }

    /** The flags a Status value sets: R is \Seen. */
    static void parseStatus(String value, Set<String> flags) {
        if (value.indexOf('R') >= 0) {
            flags.add(Flags.SEEN);
        }
    }

    /** O in Status: the message was seen by a session, so it is no longer \Recent. */
    static boolean old(String statusValue) {
        return statusValue.indexOf('O') >= 0;
    }

    static void parseXStatus(String value, Set<String> flags) {
        for (int i = 0; i < value.length(); i++) {
            switch (value.charAt(i)) {
                case 'A' -> flags.add(Flags.ANSWERED);
                case 'F' -> flags.add(Flags.FLAGGED);
                case 'T' -> flags.add(Flags.DRAFT);
                case 'D' -> flags.add(Flags.DELETED);
                default -> {
                    // unknown letters are ignored, as Dovecot does
                }
            }
        }
    }

    /** The Status value: "R" for \Seen then "O" once no longer recent ("RO"), as Dovecot orders them. */
    static String status(Set<String> flags, boolean old) {
        return (flags.contains(Flags.SEEN) ? "R" : "") + (old ? "O" : "");
    }

    /** The X-Status value in Dovecot's order, or empty for none. */
    static String xStatus(Set<String> flags) {
        StringBuilder s = new StringBuilder(4);
        if (flags.contains(Flags.ANSWERED)) {
            s.append('A');
        }
        if (flags.contains(Flags.FLAGGED)) {
            s.append('F');
        }
        if (flags.contains(Flags.DRAFT)) {
            s.append('T');
        }
        if (flags.contains(Flags.DELETED)) {
            s.append('D');
        }
        return s.toString();
    }

    /** The keywords among flags: everything that is not a system flag (a leading backslash). */
    static List<String> keywords(Set<String> flags) {
        List<String> out = new ArrayList<>();
        for (String f : flags) {
            if (!f.startsWith("\\") && validKeyword(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** A keyword that can be stored: an IMAP atom, so it fits in a space-separated header. */
    static boolean validKeyword(String k) {
        return Flags.isValidKeyword(k);
    }

    /** Space-separated words of a header value (X-Keywords, the tail of X-IMAPbase). */
    static List<String> words(String value) {
        List<String> out = new ArrayList<>();
        for (String w : value.trim().split("[ \t\r\n]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** A header value as a number, or -1 if it is not digits (surrounding white space allowed). */
    static long number(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > 18) {
            return -1;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(v);
    }

    /**
     * The X-IMAPbase (or X-IMAP) value.
     *
     * @param uidValidity the UIDVALIDITY, 1 to 2^32-1
     * @param uidLast the last UID given out
     * @param keywords the keywords the mailbox knows, in order
     */
    record ImapBase(long uidValidity, long uidLast, List<String> keywords) {

        ImapBase {
            keywords = List.copyOf(keywords);
        }

        /**
         * Parses a value as Dovecot's parse_x_imap_base() does: a non-zero UIDVALIDITY, a space,
         * the last UID, then keywords.
         *
         * @return the value, or null if it is broken
         */
        static ImapBase parse(String value) {
            String v = value.strip();
            int sp = v.indexOf(' ');
            if (sp <= 0) {
                return null;
            }
            long validity = number(v.substring(0, sp));
            if (validity <= 0 || validity > 0xffffffffL) {
                return null;
            }
            String rest = v.substring(sp + 1).strip();
            int end = 0;
            while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
                end++;
            }
            if (end == 0 || end > 10 || (end < rest.length() && " \t\r\n".indexOf(rest.charAt(end)) < 0)) {
                return null;
            }
            long last = Long.parseLong(rest.substring(0, end));
            if (last > 0xffffffffL) {
                return null;
            }
            List<String> kws = new ArrayList<>(new LinkedHashSet<>(words(rest.substring(end))));
            kws.removeIf(k -> !validKeyword(k));
            return new ImapBase(validity, last, kws);
        }

        /** The value as Dovecot writes it: the last UID in exactly 10 digits, lines wrapped at 1 KiB. */
        String format() {
            StringBuilder s = new StringBuilder();
            s.append(uidValidity).append(' ').append(String.format("%010d", uidLast));
            appendWrapped(s, keywords, true);
            return s.toString();
        }
    }

    /** Keywords separated by spaces, continuing on a new folded line past {@link #WRAP} bytes. */
    static String keywordValue(List<String> keywords) {
        StringBuilder s = new StringBuilder();
        appendWrapped(s, keywords, false);
        return s.toString();
    }

    private static void appendWrapped(StringBuilder s, List<String> words, boolean leadingSpace) {
        int lineStart = 0;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (i > 0 || leadingSpace) {
                if (s.length() - lineStart + 1 + w.length() > WRAP) {
                    s.append("\n\t");
                    lineStart = s.length();
                } else {
                    s.append(' ');
                }
            }
            s.append(w);
        }
    }
}
