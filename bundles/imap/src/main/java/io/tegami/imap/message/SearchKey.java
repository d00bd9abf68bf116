package io.tegami.imap.message;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A parsed IMAP SEARCH key (RFC 3501 6.4.4, plus RFC 7162's MODSEQ). The parser builds the tree;
 * {@code SearchEvaluator} decides whether a message matches it.
 */
public sealed interface SearchKey {

    /** A sequence set, as message sequence numbers or UIDs; {@code *} is {@code Long.MAX_VALUE} here. */
    record Range(long from, long to) {
    }

    /** {@code ALL}. */
    record All() implements SearchKey {
    }

    /** A bare sequence set ({@code 1:4,7}). */
    record Sequence(List<Range> ranges) implements SearchKey {
        public Sequence {
            ranges = List.copyOf(ranges);
        }
    }

    /** {@code UID 1:4}. */
    record Uid(List<Range> ranges) implements SearchKey {
        public Uid {
            ranges = List.copyOf(ranges);
        }
    }

    /** {@code SEEN}, {@code UNSEEN}, {@code KEYWORD x}, {@code NEW}, {@code OLD}, {@code RECENT}...: a flag set or not. */
    record Flag(String flag, boolean set) implements SearchKey {
        public Flag {
            Objects.requireNonNull(flag, "flag");
        }
    }

    /** {@code NEW}: recent and unseen. */
    record New() implements SearchKey {
    }

    /** {@code HEADER name value}, and {@code FROM}, {@code TO}, {@code CC}, {@code BCC}, {@code SUBJECT} as headers. */
    record Header(String name, String value) implements SearchKey {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code BODY text} (body only) or {@code TEXT text} (header and body). */
    record Text(String value, boolean includeHeader) implements SearchKey {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Date comparisons. */
    enum DateField { INTERNAL, SENT }

    /** Date relations. */
    enum Relation { BEFORE, ON, SINCE }

    /** {@code BEFORE/ON/SINCE} (internal date) and {@code SENTBEFORE/SENTON/SENTSINCE} (Date: header). */
    record Date(DateField field, Relation relation, LocalDate date) implements SearchKey {
        public Date {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(date, "date");
        }
    }

    /** {@code LARGER n} ({@code larger == true}) or {@code SMALLER n}, by RFC822.SIZE. */
    record Size(long octets, boolean larger) implements SearchKey {
    }

    /** {@code MODSEQ n} (RFC 7162): mod-sequence at least {@code n}. */
    record ModSeq(long atLeast) implements SearchKey {
    }

    /** {@code NOT key}. */
    record Not(SearchKey key) implements SearchKey {
        public Not {
            Objects.requireNonNull(key, "key");
        }
    }

    /** {@code OR a b}. */
    record Or(SearchKey left, SearchKey right) implements SearchKey {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** A parenthesized list, or the implicit AND of a SEARCH command's keys. */
    record And(List<SearchKey> keys) implements SearchKey {
        public And {
            keys = List.copyOf(keys);
        }
    }
}
