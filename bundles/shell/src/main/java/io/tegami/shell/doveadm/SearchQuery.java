package io.tegami.shell.doveadm;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a doveadm search query (doveadm-search-query(7)) from command-line words into a
 * {@link SearchKey}, as Dovecot's {@code mail-search-build.c} with the human register does: keys
 * side by side must all match; {@code a OR b} is infix and turns its whole list into
 * alternatives ({@code a b OR c} is a, b or c), so a list mixing both fails with {@code Use
 * parenthesis when mixing ANDs and ORs}; {@code NOT key} negates; {@code (} and {@code )} group.
 * Errors are doveadm's {@code Fatal:} lines (exit 75).
 */
final class SearchQuery {

    private final List<String> words;
    private final SearchDates dates;
    private int pos;

    private SearchQuery(List<String> words, SearchDates dates) {
        this.words = splitParens(words);
        this.dates = dates;
    }

    /** Parses a query; an empty one matches every message. */
    static SearchKey parse(List<String> words, Clock clock, ZoneId zone) {
        return new SearchQuery(words, new SearchDates(clock, zone)).list(false);
    }

    /** {@code (uid} and {@code 3)} are {@code ( uid} and {@code 3 )}, as a shell user writes them. */
    private static List<String> splitParens(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            int start = 0;
            while (start < w.length() - 1 && w.charAt(start) == '(') {
                out.add("(");
                start++;
            }
            int end = w.length();
            int closing = 0;
            while (end - 1 > start && w.charAt(end - 1) == ')') {
                end--;
                closing++;
            }
            out.add(w.substring(start, end));
            for (int i = 0; i < closing; i++) {
                out.add(")");
            }
        }
        return out;
    }

    private static DoveadmException fail(String message) {
        return DoveadmException.fatal(message);
    }

    /** A list of keys up to the end (or the closing parenthesis when {@code nested}). */
    private SearchKey list(boolean nested) {
        List<SearchKey> keys = new ArrayList<>();
        boolean or = false;
        while (true) {
            if (pos >= words.size()) {
                if (nested) {
                    throw fail("Missing ')'");
                }
                break;
            }
            String w = words.get(pos);
            if (w.equals(")")) {
                if (!nested) {
                    throw fail("Unexpected ')'");
                }
                pos++;
                break;
            }
            boolean elementIsOr = w.equalsIgnoreCase("OR");
            if (elementIsOr) {
                pos++;
                if (pos >= words.size()) {
                    throw fail("Missing argument");
                }
            }
            SearchKey k = key();
            // Dovecot's rule: the first OR turns the list into alternatives, a plain key after it fails.
            if (elementIsOr) {
                or = true;
            } else if (or) {
                throw fail("Use parenthesis when mixing ANDs and ORs");
            }
            keys.add(k);
        }
        if (keys.isEmpty()) {
            return new SearchKey.All();
        }
        if (keys.size() == 1 && !or) {
            return keys.get(0);
        }
        return or ? new SearchKey.Or(keys) : new SearchKey.And(keys);
    }

    private String param(String key) {
        if (pos >= words.size()) {
            throw fail("Missing parameter for search key (for search key: " + key + ")");
        }
        return words.get(pos++);
    }

    private SearchKey key() {
        if (pos >= words.size()) {
            throw fail("Missing argument");
        }
        String word = words.get(pos++);
        if (word.equals("(")) {
            return list(true);
        }
        String key = word.toUpperCase(Locale.ROOT);
        switch (key) {
            case "ALL":
                return new SearchKey.All();
            case "NOT":
                return new SearchKey.Not(key());
            case "OR":
                throw fail("Missing argument"); // "OR OR"
            case "ANSWERED", "DELETED", "DRAFT", "FLAGGED", "SEEN", "RECENT":
                return new SearchKey.Flag("\\" + key.charAt(0) + key.substring(1).toLowerCase(Locale.ROOT), true);
            case "UNANSWERED", "UNDELETED", "UNDRAFT", "UNFLAGGED", "UNSEEN":
                return new SearchKey.Flag("\\" + key.charAt(2) + key.substring(3).toLowerCase(Locale.ROOT), false);
            case "NEW":
                return new SearchKey.And(List.of(new SearchKey.Flag("\\Recent", true), new SearchKey.Flag("\\Seen", false)));
            case "OLD":
                return new SearchKey.Flag("\\Recent", false);
            case "KEYWORD":
                return new SearchKey.Flag(param(key), true);
            case "UNKEYWORD":
                return new SearchKey.Flag(param(key), false);
            case "UID":
                try {
                    return new SearchKey.Set(SequenceSet.parse(param(key)), true);
                } catch (IllegalArgumentException e) {
                    throw fail("Invalid UID messageset");
                }
            case "MAILBOX":
                return new SearchKey.MailboxName(param(key));
            case "LARGER", "SMALLER":
                return new SearchKey.Size(SearchDates.size(param(key)), key.equals("LARGER"));
            case "BEFORE", "ON", "SINCE":
                return dates.key(SearchKey.DateField.RECEIVED, SearchKey.DateOp.valueOf(key), param(key));
            case "SAVEDBEFORE", "SAVEDON", "SAVEDSINCE":
                return dates.key(SearchKey.DateField.SAVED, SearchKey.DateOp.valueOf(key.substring(5)), param(key));
            case "SENTBEFORE", "SENTON", "SENTSINCE":
                return dates.key(SearchKey.DateField.SENT, SearchKey.DateOp.valueOf(key.substring(4)), param(key));
            case "OLDER", "YOUNGER":
                return dates.within(key.equals("OLDER"), param(key));
            case "SUBJECT", "FROM", "TO", "CC", "BCC":
                return new SearchKey.Header(key.toLowerCase(Locale.ROOT), param(key));
            case "HEADER": {
                String name = param(key);
                return new SearchKey.Header(name.toLowerCase(Locale.ROOT), param(key));
            }
            case "BODY":
                return new SearchKey.Text(param(key), false);
            case "TEXT":
                return new SearchKey.Text(param(key), true);
            default:
                if (SequenceSet.looksLike(word)) {
                    try {
                        return new SearchKey.Set(SequenceSet.parse(word), false);
                    } catch (IllegalArgumentException e) {
                        throw fail("Invalid messageset");
                    }
                }
                throw fail("Unknown argument " + key);
        }
    }

    /**
     * Whether every branch of the query names a mailbox, which {@code doveadm expunge} requires
     * "to avoid accidents".
     */
    static boolean mailboxInAllBranches(SearchKey key) {
        if (key instanceof SearchKey.MailboxName) {
            return true;
        }
        if (key instanceof SearchKey.And and) {
            return and.keys().stream().anyMatch(SearchQuery::mailboxInAllBranches);
        }
        if (key instanceof SearchKey.Or or) {
            return or.keys().stream().allMatch(SearchQuery::mailboxInAllBranches);
        }
        return false;
    }

    /** Whether messages of mailbox {@code name} can match at all (to skip opening the others). */
    static boolean mailboxCanMatch(SearchKey key, String name, char delimiter) {
        if (key instanceof SearchKey.MailboxName m) {
            return MailCommandLine.matches(m.mask(), name, delimiter);
        }
        if (key instanceof SearchKey.And and) {
            return and.keys().stream().allMatch(k -> mailboxCanMatch(k, name, delimiter));
        }
        if (key instanceof SearchKey.Or or) {
            return or.keys().stream().anyMatch(k -> mailboxCanMatch(k, name, delimiter));
        }
        return true;
    }

    /** The mailbox names without wildcards that the whole query requires (top-level {@code MAILBOX x}). */
    static List<String> literalMailboxes(SearchKey key) {
        List<SearchKey> top = key instanceof SearchKey.And and ? and.keys() : List.of(key);
        List<String> out = new ArrayList<>();
        for (SearchKey k : top) {
            if (k instanceof SearchKey.MailboxName m && !MailCommandLine.isPattern(m.mask())) {
                out.add(m.mask().equalsIgnoreCase("INBOX") ? "INBOX" : m.mask());
            }
        }
        return out;
    }
}
