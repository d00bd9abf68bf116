package io.tegami.imap.message;

import io.tegami.api.store.Flags;
import io.tegami.api.store.MessageInfo;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a message matches a {@link SearchKey} (RFC 3501 6.4.4), as Dovecot does:
 * string keys match substrings under i;unicode-casemap (case and compatibility forms ignored),
 * header keys on RFC 2047-decoded values, BODY and TEXT on decoded text parts; internal dates
 * compare as calendar dates in the server's zone, SENT* dates as the Date header's own calendar
 * date (1970-01-01 when there is none, as Dovecot does); {@code *} in a set is
 * the highest sequence number or UID. Keys that need the message's content are evaluated last, so
 * a cheap key that fails spares reading the message. The key's strings are already Unicode: the
 * command parser decodes them from the SEARCH CHARSET (US-ASCII and UTF-8).
 */
public final class SearchEvaluator {

    /** A message without a (valid) Date field was sent at the epoch, for SENT* (as Dovecot has it). */
    private static final LocalDate NO_SENT_DATE = LocalDate.of(1970, 1, 1);

    private final SearchKey key;
    private final long maxSequence;
    private final long maxUid;
    private final ZoneId zone;
    /** The folded value and cache field of each header key, by identity. */
    private final Map<SearchKey.Header, HeaderMatch> headerMatches = new IdentityHashMap<>();

    private record HeaderMatch(String needle, String field) {
    }

    /**
     * @param key the search program
     * @param maxSequence the number of messages in the mailbox ({@code *} as a sequence number)
     * @param maxUid the highest UID in the mailbox ({@code *} as a UID)
     * @param zone the server's time zone, for BEFORE/ON/SINCE on internal dates
     */
    public SearchEvaluator(SearchKey key, long maxSequence, long maxUid, ZoneId zone) {
        this.key = Objects.requireNonNull(key, "key");
        this.maxSequence = maxSequence;
        this.maxUid = maxUid;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Whether the message matches. Reads the message only for keys on its content. */
    public boolean matches(SearchMessage m) throws IOException {
        return eval(key, m);
    }

    /** Whether evaluating {@code key} may read a message's header or body. */
    public static boolean needsContent(SearchKey key) {
        return cost(key) > 0;
    }

    /** 0: store data only, 1: the header, 2: the whole message. */
    static int cost(SearchKey key) {
        if (key instanceof SearchKey.Header) {
            return 1;
        } else if (key instanceof SearchKey.Date d) {
            return d.field() == SearchKey.DateField.SENT ? 1 : 0;
        } else if (key instanceof SearchKey.Text) {
            return 2;
        } else if (key instanceof SearchKey.Not n) {
            return cost(n.key());
        } else if (key instanceof SearchKey.Or o) {
            return Math.max(cost(o.left()), cost(o.right()));
        } else if (key instanceof SearchKey.And a) {
            return a.keys().stream().mapToInt(SearchEvaluator::cost).max().orElse(0);
        }
        return 0;
    }

    private boolean eval(SearchKey k, SearchMessage m) throws IOException {
        MessageInfo info = m.info();
        if (k instanceof SearchKey.All) {
            return true;
        } else if (k instanceof SearchKey.Sequence s) {
            return inSet(m.sequence(), s.ranges(), maxSequence);
        } else if (k instanceof SearchKey.Uid u) {
            return inSet(info.uid(), u.ranges(), maxUid);
        } else if (k instanceof SearchKey.Flag f) {
            return hasFlag(info, f.flag()) == f.set();
        } else if (k instanceof SearchKey.New) {
            return info.recent() && !info.has(Flags.SEEN);
        } else if (k instanceof SearchKey.Size s) {
            return s.larger() ? info.rfc822Size() > s.octets() : info.rfc822Size() < s.octets();
        } else if (k instanceof SearchKey.ModSeq q) {
            return info.modSeq() >= q.atLeast();
        } else if (k instanceof SearchKey.Date d) {
            return date(d, m);
        } else if (k instanceof SearchKey.Header h) {
            return header(h, m);
        } else if (k instanceof SearchKey.Text t) {
            return BodySearch.contains(m.source(), m.structure(), TextFolding.fold(t.value()), t.includeHeader());
        } else if (k instanceof SearchKey.Not n) {
            return !eval(n.key(), m);
        } else if (k instanceof SearchKey.Or o) {
            return cost(o.left()) <= cost(o.right())
                    ? eval(o.left(), m) || eval(o.right(), m)
                    : eval(o.right(), m) || eval(o.left(), m);
        } else if (k instanceof SearchKey.And a) {
            return and(a, m);
        }
        throw new IllegalArgumentException("unknown search key " + k);
    }

    private boolean and(SearchKey.And a, SearchMessage m) throws IOException {
        List<SearchKey> keys = new ArrayList<>(a.keys());
        keys.sort(Comparator.comparingInt(SearchEvaluator::cost)); // stable: same-cost keys keep order
        for (SearchKey k : keys) {
            if (!eval(k, m)) {
                return false;
            }
        }
        return true;
    }

    /** System flags without case (as stored, normalized); keywords without case too, as Dovecot. */
    private static boolean hasFlag(MessageInfo info, String flag) {
        if (flag.startsWith("\\")) {
            return info.has(flag);
        }
        for (String f : info.flags()) {
            if (f.equalsIgnoreCase(flag)) {
                return true;
            }
        }
        return false;
    }

    static boolean inSet(long n, List<SearchKey.Range> ranges, long max) {
        for (SearchKey.Range r : ranges) {
            long a = r.from() == Long.MAX_VALUE ? max : r.from();
            long b = r.to() == Long.MAX_VALUE ? max : r.to();
            if (n >= Math.min(a, b) && n <= Math.max(a, b)) {
                return true;
            }
        }
        return false;
    }

    private boolean date(SearchKey.Date d, SearchMessage m) throws IOException {
        LocalDate date;
        if (d.field() == SearchKey.DateField.SENT) {
            date = NO_SENT_DATE;
            for (HeaderField f : m.headers()) {
                if (f.name().equalsIgnoreCase("Date")) {
                    LocalDate sent = MessageDates.sentDate(f.unfolded());
                    date = sent == null ? NO_SENT_DATE : sent;
                    break;
                }
            }
        } else {
            date = m.info().internalDate().atZone(zone).toLocalDate();
        }
        int c = date.compareTo(d.date());
        return switch (d.relation()) {
            case BEFORE -> c < 0;
            case ON -> c == 0;
            case SINCE -> c >= 0;
        };
    }

    private boolean header(SearchKey.Header h, SearchMessage m) throws IOException {
        // Folded once per search, not once per message (the same key object every time).
        HeaderMatch hm = headerMatches.computeIfAbsent(h,
                k -> new HeaderMatch(TextFolding.fold(k.value()), FoldedValues.field(k.name())));
        String needle = hm.needle();
        for (String value : FoldedValues.of(m, h.name(), hm.field())) {
            // RFC 3501: an empty string matches every message that has the field.
            if (needle.isEmpty() || value.contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
