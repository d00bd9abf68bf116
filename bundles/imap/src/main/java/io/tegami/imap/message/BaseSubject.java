package io.tegami.imap.message;

import java.util.Locale;

/**
 * The RFC 5256 2.1 base subject: the Subject with RFC 2047 words decoded, whitespace tidied and
 * the artifacts of replies, forwards and mailing lists removed ({@code Re:}, {@code Fwd:},
 * {@code [list]}, {@code (fwd)}, {@code [fwd: ...]}). SORT SUBJECT orders by it and THREAD groups
 * by it, comparing with i;ascii-casemap ({@link #key}).
 */
public final class BaseSubject {

    private final String base;
    private final boolean replyOrForward;

    private BaseSubject(String base, boolean replyOrForward) {
        this.base = base;
        this.replyOrForward = replyOrForward;
    }

    /** The base subject of a raw (unfolded, still encoded) Subject value; null is the empty subject. */
    public static BaseSubject of(String rawSubject) {
        String s = rawSubject == null ? "" : normalize(EncodedWords.decode(HeaderText.unfold(rawSubject)));
        boolean refwd = false;
        while (true) {
            // (2) trailers: "(fwd)" and whitespace
            while (true) {
                if (s.endsWith(" ")) {
                    s = s.substring(0, s.length() - 1);
                } else if (s.regionMatches(true, Math.max(0, s.length() - 5), "(fwd)", 0, 5) && s.length() >= 5) {
                    s = s.substring(0, s.length() - 5);
                    refwd = true;
                } else {
                    break;
                }
            }
            // (3)-(5) leaders and blobs
            while (true) {
                int leader = leader(s);
                if (leader > 0) {
                    if (s.charAt(0) != ' ') {
                        refwd = true;
                    }
                    s = s.substring(leader);
                    continue;
                }
                int blob = blob(s, 0);
                if (blob > 0 && !s.substring(blob).isBlank()) {
                    s = s.substring(blob);
                    continue;
                }
                break;
            }
            // (6) "[fwd: ... ]"
            if (s.length() >= 6 && s.regionMatches(true, 0, "[fwd:", 0, 5) && s.endsWith("]")) {
                s = s.substring(5, s.length() - 1);
                refwd = true;
                continue;
            }
            return new BaseSubject(s, refwd);
        }
    }

    /** The base subject text. */
    public String text() {
        return base;
    }

    /** The text in i;ascii-casemap form (ASCII letters upper-cased), for comparing and grouping. */
    public String key() {
        return asciiUpper(base);
    }

    /** Whether extracting removed a {@code Re:}/{@code Fwd:}, a {@code (fwd)} or a {@code [fwd: ]} (RFC 5256 4). */
    public boolean isReplyOrForward() {
        return replyOrForward;
    }

    static String asciiUpper(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, (char) (c - 32));
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** (1): tabs and continuations become spaces, runs of spaces one space. */
    private static String normalize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                space = true;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        if (space) {
            sb.append(' ');
        }
        return sb.toString();
    }

    /** Length of a subj-leader at the start: {@code *subj-blob subj-refwd} or one WSP; 0 if none. */
    private static int leader(String s) {
        if (s.startsWith(" ")) {
            return 1;
        }
        int p = 0;
        while (true) {
            int b = blob(s, p);
            if (b == 0) {
                break;
            }
            p = b;
        }
        String rest = s.substring(p).toLowerCase(Locale.ROOT);
        int q;
        if (rest.startsWith("re")) {
            q = p + 2;
        } else if (rest.startsWith("fwd")) {
            q = p + 3;
        } else if (rest.startsWith("fw")) {
            q = p + 2;
        } else {
            return 0;
        }
        while (q < s.length() && s.charAt(q) == ' ') {
            q++;
        }
        int b = blob(s, q);
        if (b > 0) {
            q = b;
        }
        return q < s.length() && s.charAt(q) == ':' ? q + 1 : 0;
    }

    /** End of a subj-blob ({@code "[" *BLOBCHAR "]" *WSP}) starting at {@code p}, or 0 if none. */
    private static int blob(String s, int p) {
        if (p >= s.length() || s.charAt(p) != '[') {
            return 0;
        }
        int q = p + 1;
        while (q < s.length() && s.charAt(q) != ']') {
            if (s.charAt(q) == '[') {
                return 0;
            }
            q++;
        }
        if (q >= s.length()) {
            return 0;
        }
        q++;
        while (q < s.length() && s.charAt(q) == ' ') {
            q++;
        }
        return q;
    }
}
