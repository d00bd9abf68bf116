package io.tegami.sieve;

import java.util.List;

/**
 * The {@code :matches} wildcard match of RFC 5228 section 2.7.1 ({@code *}, {@code ?}, backslash
 * escapes), with the match variables of RFC 5229 section 3.2: non-greedy, left to right.
 * Operates on canonical forms (comparator-folded); captures are cut from the original value,
 * which has the same length for the ASCII comparators.
 */
final class Wildcard {

    private final String pattern;
    private final String text;
    private final String original;
    private final int[] starts;
    private final int[] ends;
    private final int wildcards;
    private int steps;

    private Wildcard(String pattern, String text, String original) {
        this.pattern = pattern;
        this.text = text;
        this.original = original.length() == text.length() ? original : text;
        int n = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?') {
                n++;
            }
        }
        wildcards = n;
        starts = new int[n];
        ends = new int[n];
    }

    /**
     * Whether {@code text} (canonical) matches {@code pattern} (canonical); on success, when
     * {@code captures} is not null, fills it with ${0} (the whole value) and one entry per wildcard.
     */
    static boolean match(String pattern, String text, String original, List<String> captures) {
        Wildcard w = new Wildcard(pattern, text, original);
        if (!w.match(0, 0, 0)) {
            return false;
        }
        if (captures != null) {
            captures.clear();
            captures.add(w.original);
            for (int i = 0; i < w.wildcards; i++) {
                captures.add(w.original.substring(w.starts[i], w.ends[i]));
            }
        }
        return true;
    }

    private boolean match(int p, int t, int wild) {
        // Bounds pathological patterns ("*a*a*a*...b"): a script must not hang delivery.
        if (++steps > 1_000_000) {
            return false;
        }
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int end = t; end <= text.length(); end++) {
                    starts[wild] = t;
                    ends[wild] = end;
                    if (match(p + 1, end, wild + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (t >= text.length()) {
                return false;
            }
            if (c == '?') {
                starts[wild] = t;
                ends[wild] = t + 1;
                wild++;
            } else {
                if (c == '\\' && p + 1 < pattern.length()) {
                    c = pattern.charAt(++p);
                }
                if (text.charAt(t) != c) {
                    return false;
                }
            }
            p++;
            t++;
        }
        return t == text.length();
    }
}
