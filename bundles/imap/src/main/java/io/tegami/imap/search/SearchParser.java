package io.tegami.imap.search;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.tegami.api.store.Flags;
import io.tegami.imap.message.SearchKey;
import io.tegami.imap.protocol.CommandReader;
import io.tegami.imap.protocol.ImapDates;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.protocol.SequenceSet;

/**
 * Reads a SEARCH command's arguments (RFC 3501 6.4.4), with RFC 4731's {@code RETURN} options
 * and RFC 7162's {@code MODSEQ} key, into a {@link SearchKey} tree. Nesting and the number of
 * keys are bounded, so that no command can exhaust the stack or the heap.
 */
public final class SearchParser {

    /** The deepest nesting of NOT, OR and parentheses. */
    static final int MAX_DEPTH = 64;
    /** The most keys in one command. */
    static final int MAX_KEYS = 10_000;

    private final CommandReader r;
    private Charset charset = StandardCharsets.UTF_8;
    private int keys;

    private SearchParser(CommandReader r) {
        this.r = r;
    }

    /**
     * Reads everything after {@code SEARCH } up to the end of the command.
     *
     * @throws UnsupportedCharsetException for a {@code CHARSET} Java does not know (answer
     *         {@code NO [BADCHARSET ...]})
     */
    public static SearchRequest parse(CommandReader r) throws ParseException {
        return new SearchParser(r).request();
    }

    /**
     * Reads search keys up to the end of the command, their strings in {@code charset}: SORT and
     * THREAD (RFC 5256) name the charset themselves.
     */
    public static SearchKey keys(CommandReader r, Charset charset) throws ParseException {
        SearchParser p = new SearchParser(r);
        p.charset = charset;
        return p.keys();
    }

    private SearchRequest request() throws ParseException {
        Set<String> returns = null;
        if (r.consumeWord("RETURN")) {
            r.sp();
            returns = returnOptions();
            r.sp();
        }
        if (r.consumeWord("CHARSET")) {
            r.sp();
            String name = r.astring();
            try {
                charset = Charset.forName(name);
            } catch (IllegalCharsetNameException e) {
                throw new UnsupportedCharsetException(name);
            }
            r.sp();
        }
        return new SearchRequest(keys(), returns);
    }

    private SearchKey keys() throws ParseException {
        List<SearchKey> all = new ArrayList<>();
        while (true) {
            all.add(key(0));
            if (r.atEnd()) {
                break;
            }
            r.sp();
        }
        return all.size() == 1 ? all.get(0) : new SearchKey.And(all);
    }

    private Set<String> returnOptions() throws ParseException {
        r.expect('(');
        Set<String> out = new LinkedHashSet<>();
        if (r.consume(')')) {
            return out;
        }
        while (true) {
            String option = r.keyword();
            switch (option) {
                case "MIN", "MAX", "ALL", "COUNT", "SAVE" -> out.add(option);
                default -> throw new ParseException("Unknown RETURN option " + option + ".");
            }
            if (r.consume(')')) {
                return out;
            }
            r.sp();
        }
    }

    private SearchKey key(int depth) throws ParseException {
        if (depth > MAX_DEPTH) {
            throw new ParseException("Search keys nested too deeply.");
        }
        if (++keys > MAX_KEYS) {
            throw new ParseException("Too many search keys.");
        }
        int c = r.peek();
        if (c == '(') {
            r.consume('(');
            List<SearchKey> list = new ArrayList<>();
            while (true) {
                list.add(key(depth + 1));
                if (r.consume(')')) {
                    break;
                }
                r.sp();
            }
            return list.size() == 1 ? list.get(0) : new SearchKey.And(list);
        }
        if ((c >= '0' && c <= '9') || c == '*' || c == '$') {
            return new SearchKey.Sequence(ranges(r.sequenceSet()));
        }
        String word = r.keyword();
        return switch (word) {
            case "ALL" -> new SearchKey.All();
            case "ANSWERED" -> flag(Flags.ANSWERED, true);
            case "UNANSWERED" -> flag(Flags.ANSWERED, false);
            case "DELETED" -> flag(Flags.DELETED, true);
            case "UNDELETED" -> flag(Flags.DELETED, false);
            case "DRAFT" -> flag(Flags.DRAFT, true);
            case "UNDRAFT" -> flag(Flags.DRAFT, false);
            case "FLAGGED" -> flag(Flags.FLAGGED, true);
            case "UNFLAGGED" -> flag(Flags.FLAGGED, false);
            case "SEEN" -> flag(Flags.SEEN, true);
            case "UNSEEN" -> flag(Flags.SEEN, false);
            case "RECENT" -> flag(Flags.RECENT, true);
            case "OLD" -> flag(Flags.RECENT, false);
            case "NEW" -> new SearchKey.New();
            case "KEYWORD" -> flag(keywordArgument(), true);
            case "UNKEYWORD" -> flag(keywordArgument(), false);
            case "BCC", "CC", "FROM", "SUBJECT", "TO" -> new SearchKey.Header(word, text());
            case "HEADER" -> {
                r.sp();
                String name = r.astring();
                if (name.isEmpty() || !name.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f && ch != ':')) {
                    throw new ParseException("Invalid header field name.");
                }
                yield new SearchKey.Header(name, text());
            }
            case "BODY" -> new SearchKey.Text(text(), false);
            case "TEXT" -> new SearchKey.Text(text(), true);
            case "BEFORE" -> date(SearchKey.DateField.INTERNAL, SearchKey.Relation.BEFORE);
            case "ON" -> date(SearchKey.DateField.INTERNAL, SearchKey.Relation.ON);
            case "SINCE" -> date(SearchKey.DateField.INTERNAL, SearchKey.Relation.SINCE);
            case "SENTBEFORE" -> date(SearchKey.DateField.SENT, SearchKey.Relation.BEFORE);
            case "SENTON" -> date(SearchKey.DateField.SENT, SearchKey.Relation.ON);
            case "SENTSINCE" -> date(SearchKey.DateField.SENT, SearchKey.Relation.SINCE);
            case "LARGER" -> {
                r.sp();
                yield new SearchKey.Size(r.number(), true);
            }
            case "SMALLER" -> {
                r.sp();
                yield new SearchKey.Size(r.number(), false);
            }
            case "UID" -> {
                r.sp();
                yield new SearchKey.Uid(ranges(r.sequenceSet()));
            }
            case "NOT" -> {
                r.sp();
                yield new SearchKey.Not(key(depth + 1));
            }
            case "OR" -> {
                r.sp();
                SearchKey left = key(depth + 1);
                r.sp();
                yield new SearchKey.Or(left, key(depth + 1));
            }
            case "MODSEQ" -> modSeq();
            default -> throw new ParseException("Unknown argument " + word + ".");
        };
    }

    /** {@code MODSEQ [entry-name entry-type-req] mod-sequence-valzer} (RFC 7162 3.1.5). */
    private SearchKey modSeq() throws ParseException {
        r.sp();
        if (r.peek() == '"') {
            String entry = r.string();
            if (!entry.startsWith("/flags/")) {
                throw new ParseException("Invalid MODSEQ entry name.");
            }
            r.sp();
            String type = r.keyword();
            if (!type.equals("PRIV") && !type.equals("SHARED") && !type.equals("ALL")) {
                throw new ParseException("Invalid MODSEQ entry type.");
            }
            r.sp();
        }
        return new SearchKey.ModSeq(r.modSequence());
    }

    private String keywordArgument() throws ParseException {
        r.sp();
        String flag = r.flag();
        if (flag.equals("\\*")) {
            throw new ParseException("Invalid keyword.");
        }
        return flag;
    }

    private SearchKey date(SearchKey.DateField field, SearchKey.Relation relation) throws ParseException {
        r.sp();
        return new SearchKey.Date(field, relation, ImapDates.parseDate(r.dateText()));
    }

    private String text() throws ParseException {
        r.sp();
        return new String(r.astringBytes(), charset);
    }

    private static SearchKey flag(String flag, boolean set) {
        return new SearchKey.Flag(Flags.normalize(flag), set);
    }

    private static List<SearchKey.Range> ranges(SequenceSet set) throws ParseException {
        if (set.isSaved()) {
            throw new ParseException("Saved search results ($) are not supported.");
        }
        List<SearchKey.Range> out = new ArrayList<>();
        for (SequenceSet.Range range : set.ranges()) {
            out.add(new SearchKey.Range(range.from(), range.to()));
        }
        return out;
    }
}
