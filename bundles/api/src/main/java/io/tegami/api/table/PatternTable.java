package io.tegami.api.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code regexp:} or {@code pcre:} table (regexp_table(5), pcre_table(5)): lines of
 * {@code /pattern/flags result} or {@code !/pattern/flags result}, tried in order, and
 * {@code if /pattern/flags} ... {@code endif} blocks. Matching is without case unless the
 * {@code i} flag toggles it, as in Postfix; {@code $1} and {@code ${1}} in a result are replaced by
 * the matched groups.
 */
final class PatternTable extends FileTable<List<PatternTable.Rule>> {

    /** A rule, or an if-block when {@code nested} is not null. */
    record Rule(Pattern pattern, boolean negated, String result, List<Rule> nested) {
    }

    PatternTable(String spec, Path file) {
        super(spec, file);
    }

    @Override
    public boolean isPattern() {
        return true;
    }

    @Override
    List<Rule> parse(List<String> lines, List<TableException> problems) {
        List<List<Rule>> stack = new ArrayList<>();
        List<Rule> top = new ArrayList<>();
        stack.add(top);
        for (NumberedLine line : logicalLines(lines)) {
            String text = line.text();
            try {
                if (text.regionMatches(true, 0, "endif", 0, 5) && text.strip().length() == 5) {
                    if (stack.size() == 1) {
                        throw problem(line, "ignoring ENDIF without matching IF");
                    }
                    stack.remove(stack.size() - 1);
                    continue;
                }
                boolean block = text.regionMatches(true, 0, "if", 0, 2) && text.length() > 2
                        && Character.isWhitespace(text.charAt(2));
                String rest = block ? text.substring(2).strip() : text;
                boolean negated = rest.startsWith("!");
                if (negated) {
                    rest = rest.substring(1).stripLeading();
                }
                Parsed parsed = parsePattern(rest, line);
                List<Rule> current = stack.get(stack.size() - 1);
                if (block) {
                    if (!parsed.rest().isEmpty()) {
                        throw problem(line, "ignoring extra text after IF statement: \"" + parsed.rest() + "\"");
                    }
                    List<Rule> nested = new ArrayList<>();
                    current.add(new Rule(parsed.pattern(), negated, null, nested));
                    stack.add(nested);
                } else {
                    if (parsed.rest().isEmpty()) {
                        throw problem(line, "no replacement text: using empty string");
                    }
                    current.add(new Rule(parsed.pattern(), negated, parsed.rest(), null));
                }
            } catch (TableException e) {
                problems.add(e);
            }
        }
        if (stack.size() > 1) {
            problems.add(new TableException(spec() + ": IF has no matching ENDIF"));
        }
        return top;
    }

    private record Parsed(Pattern pattern, String rest) {
    }

    private Parsed parsePattern(String text, NumberedLine line) throws TableException {
        if (text.isEmpty()) {
            throw problem(line, "no regexp or pattern");
        }
        char delimiter = text.charAt(0);
        if (Character.isLetterOrDigit(delimiter) || Character.isWhitespace(delimiter)) {
            throw problem(line, "no regexp delimiter or pattern: \"" + text + "\"");
        }
        int end = 1;
        while (end < text.length() && text.charAt(end) != delimiter) {
            if (text.charAt(end) == '\\' && end + 1 < text.length()) {
                end++;
            }
            end++;
        }
        if (end >= text.length()) {
            throw problem(line, "no closing regexp delimiter \"" + delimiter + "\"");
        }
        String regex = text.substring(1, end);
        int position = end + 1;
        boolean caseless = true;
        boolean multiline = false;
        boolean dotall = false;
        boolean comments = false;
        while (position < text.length() && !Character.isWhitespace(text.charAt(position))) {
            switch (text.charAt(position)) {
                case 'i' -> caseless = !caseless;
                case 'm' -> multiline = !multiline;
                case 's' -> dotall = !dotall;
                case 'x' -> comments = spec().startsWith("pcre") != comments;
                case 'A', 'E', 'U', 'X' -> {
                    // PCRE options without a Java equivalent that changes matching of one line.
                }
                default -> throw problem(line, "unknown regexp option \"" + text.charAt(position) + "\"");
            }
            position++;
        }
        int flags = (caseless ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0)
                | (multiline ? Pattern.MULTILINE : 0) | (dotall ? Pattern.DOTALL : 0)
                | (comments ? Pattern.COMMENTS : 0);
        try {
            return new Parsed(Pattern.compile(regex, flags), text.substring(position).strip());
        } catch (PatternSyntaxException e) {
            throw problem(line, "regular expression \"" + regex + "\": " + e.getDescription());
        }
    }

    private TableException problem(NumberedLine line, String message) {
        return new TableException(spec() + ", line " + line.number() + ": " + message, line.number(), null);
    }

    @Override
    Optional<String> find(List<Rule> rules, String key) {
        for (Rule rule : rules) {
            Matcher matcher = rule.pattern().matcher(key);
            boolean matched = matcher.find() != rule.negated();
            if (!matched) {
                continue;
            }
            if (rule.nested() != null) {
                Optional<String> found = find(rule.nested(), key);
                if (found.isPresent()) {
                    return found;
                }
                continue;
            }
            return Optional.of(rule.negated() ? rule.result() : substitute(rule.result(), matcher));
        }
        return Optional.empty();
    }

    /** Replaces {@code $n}, {@code ${n}} and {@code $$}; a group that did not take part is empty. */
    static String substitute(String result, Matcher matcher) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < result.length(); i++) {
            char c = result.charAt(i);
            if (c != '$' || i + 1 >= result.length()) {
                out.append(c);
                continue;
            }
            char next = result.charAt(i + 1);
            int end;
            String digits;
            if (next == '$') {
                out.append('$');
                i++;
                continue;
            } else if (next == '{' && result.indexOf('}', i) > 0) {
                end = result.indexOf('}', i);
                digits = result.substring(i + 2, end);
            } else if (Character.isDigit(next)) {
                end = i + 1;
                while (end + 1 < result.length() && Character.isDigit(result.charAt(end + 1))) {
                    end++;
                }
                digits = result.substring(i + 1, end + 1);
            } else {
                out.append(c);
                continue;
            }
            try {
                int group = Integer.parseInt(digits);
                if (group <= matcher.groupCount() && matcher.group(group) != null) {
                    out.append(matcher.group(group));
                }
            } catch (NumberFormatException e) {
                out.append(result, i, end + 1);
            }
            i = end;
        }
        return out.toString();
    }
}
