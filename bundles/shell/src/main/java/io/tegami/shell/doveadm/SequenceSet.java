package io.tegami.shell.doveadm;

import java.util.ArrayList;
import java.util.List;

/**
 * An IMAP sequence set ({@code 1:3,7,10:*}) as doveadm's {@code UID} key and bare sequence
 * numbers take it; {@code *} is the largest number in use.
 */
final class SequenceSet {

    /** {@code *}. */
    private static final long STAR = -1;

    private record Range(long from, long to) {
    }

    private final List<Range> ranges;

    private SequenceSet(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Whether {@code s} looks like a sequence set (digits, {@code : , *}), as Dovecot tells them from keys. */
    static boolean looksLike(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> (c >= '0' && c <= '9') || c == ':' || c == ',' || c == '*');
    }

    /** @throws IllegalArgumentException for a malformed set */
    static SequenceSet parse(String s) {
        List<Range> ranges = new ArrayList<>();
        for (String part : s.split(",", -1)) {
            int colon = part.indexOf(':');
            long a = number(colon < 0 ? part : part.substring(0, colon));
            long b = colon < 0 ? a : number(part.substring(colon + 1));
            ranges.add(new Range(a, b));
        }
        return new SequenceSet(ranges);
    }

    private static long number(String s) {
        if (s.equals("*")) {
            return STAR;
        }
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("Invalid messageset");
        }
        long n = Long.parseLong(s);
        if (n == 0 || n > 0xffffffffL) {
            throw new IllegalArgumentException("Invalid messageset");
        }
        return n;
    }

    /** Whether {@code n} is in the set, {@code *} standing for {@code max}. */
    boolean contains(long n, long max) {
        for (Range r : ranges) {
            long a = r.from() == STAR ? max : r.from();
            long b = r.to() == STAR ? max : r.to();
            if (n >= Math.min(a, b) && n <= Math.max(a, b)) {
                return true;
            }
        }
        return false;
    }
}
