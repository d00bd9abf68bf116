package io.tegami.imap.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * An IMAP sequence set ({@code 1:4,7,9:*}) of message sequence numbers or UIDs. {@code *} is
 * kept symbolic ({@link #STAR}) until {@link #resolve(long)} knows the largest number in use;
 * then the ranges are ordered and merged, so membership tests are binary searches and a set like
 * {@code 1:4294967295} costs no memory.
 */
public final class SequenceSet {

    /** {@code *}: the largest number in use. */
    public static final long STAR = Long.MAX_VALUE;
    /** The most ranges a set may have; more than a command line can hold anyway. */
    static final int MAX_RANGES = 100_000;

    /** One range, inclusive; {@code from <= to} once resolved. */
    public record Range(long from, long to) {
    }

    private final List<Range> ranges;
    private final boolean saved;

    private SequenceSet(List<Range> ranges, boolean saved) {
        this.ranges = ranges;
        this.saved = saved;
    }

    /**
     * Parses {@code sequence-set} (RFC 3501), or {@code $} (RFC 5182's saved result).
     *
     * @throws ParseException "Invalid messageset" for anything else, zero included
     */
    public static SequenceSet parse(String text) throws ParseException {
        if (text.equals("$")) {
            return new SequenceSet(List.of(), true);
        }
        if (text.isEmpty()) {
            throw new ParseException("Invalid messageset.");
        }
        List<Range> out = new ArrayList<>();
        int i = 0;
        while (true) {
            if (out.size() >= MAX_RANGES) {
                throw new ParseException("Too many ranges in messageset.");
            }
            long[] first = number(text, i);
            i = (int) first[1];
            long from = first[0];
            long to = from;
            if (i < text.length() && text.charAt(i) == ':') {
                long[] second = number(text, i + 1);
                to = second[0];
                i = (int) second[1];
            }
            out.add(new Range(from, to));
            if (i == text.length()) {
                return new SequenceSet(List.copyOf(out), false);
            }
            if (text.charAt(i) != ',') {
                throw new ParseException("Invalid messageset.");
            }
            i++;
        }
    }

    /** {value, next index}. */
    private static long[] number(String text, int i) throws ParseException {
        if (i < text.length() && text.charAt(i) == '*') {
            return new long[] {STAR, i + 1};
        }
        int start = i;
        long n = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            n = n * 10 + (text.charAt(i) - '0');
            if (n > 0xffffffffL) {
                throw new ParseException("Invalid messageset.");
            }
            i++;
        }
        if (i == start || n == 0) {
            throw new ParseException("Invalid messageset.");
        }
        return new long[] {n, i};
    }

    /** A set from ranges (for responses and tests). */
    public static SequenceSet of(List<Range> ranges) {
        return new SequenceSet(List.copyOf(ranges), false);
    }

    /** True for {@code $}: the saved search result (SEARCHRES, not supported here). */
    public boolean isSaved() {
        return saved;
    }

    /** The ranges as written, {@code *} as {@link #STAR}. */
    public List<Range> ranges() {
        return ranges;
    }

    /** Whether {@code *} appears. */
    public boolean hasStar() {
        return ranges.stream().anyMatch(r -> r.from() == STAR || r.to() == STAR);
    }

    /**
     * The set with {@code *} replaced by {@code largest} and ranges ordered ({@code 4:2} is
     * {@code 2:4}), sorted and merged. With {@code largest == 0} (an empty mailbox) {@code *}
     * stands for nothing.
     */
    public Resolved resolve(long largest) {
        List<Range> out = new ArrayList<>(ranges.size());
        for (Range r : ranges) {
            long a = r.from() == STAR ? largest : r.from();
            long b = r.to() == STAR ? largest : r.to();
            if (a == 0 && b == 0) {
                continue;
            }
            if (a == 0 || b == 0) {
                a = Math.max(a, b);
                b = a;
            }
            out.add(new Range(Math.min(a, b), Math.max(a, b)));
        }
        out.sort(Comparator.comparingLong(Range::from));
        List<Range> merged = new ArrayList<>();
        for (Range r : out) {
            Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r.from() <= last.to() + 1) {
                merged.set(merged.size() - 1, new Range(last.from(), Math.max(last.to(), r.to())));
            } else {
                merged.add(r);
            }
        }
        return new Resolved(Collections.unmodifiableList(merged));
    }

    /** A set with concrete, sorted, disjoint ranges. */
    public record Resolved(List<Range> ranges) {

        /** Whether {@code n} is in the set. */
        public boolean contains(long n) {
            int lo = 0;
            int hi = ranges.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                Range r = ranges.get(mid);
                if (n < r.from()) {
                    hi = mid - 1;
                } else if (n > r.to()) {
                    lo = mid + 1;
                } else {
                    return true;
                }
            }
            return false;
        }

        /** The largest member, or 0 when empty. */
        public long max() {
            return ranges.isEmpty() ? 0 : ranges.get(ranges.size() - 1).to();
        }
    }

    /** Writes ascending numbers compactly ({@code 1:3,5}), for COPYUID and ESEARCH. */
    public static String format(List<Long> ascending) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < ascending.size()) {
            long start = ascending.get(i);
            long end = start;
            while (i + 1 < ascending.size() && ascending.get(i + 1) == end + 1) {
                end = ascending.get(++i);
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(start);
            if (end != start) {
                sb.append(':').append(end);
            }
            i++;
        }
        return sb.toString();
    }

    /** Writes sorted, disjoint ranges ({@code 1:3,5}). */
    public static String formatRanges(List<Range> ranges) {
        StringBuilder sb = new StringBuilder();
        for (Range r : ranges) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(r.from());
            if (r.to() != r.from()) {
                sb.append(':').append(r.to());
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        if (saved) {
            return "$";
        }
        StringBuilder sb = new StringBuilder();
        for (Range r : ranges) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(r.from() == STAR ? "*" : String.valueOf(r.from()));
            if (r.to() != r.from()) {
                sb.append(':').append(r.to() == STAR ? "*" : String.valueOf(r.to()));
            }
        }
        return sb.toString();
    }
}
