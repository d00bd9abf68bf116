package io.tegami.aliases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.tegami.api.address.Destination;
import io.tegami.api.mail.MailAddress;

/**
 * Parses the right-hand side of an aliases(5) entry (or a line of an {@code :include:} file): a
 * comma-separated list where each element is {@code user}, {@code user@domain}, {@code &#92;user},
 * {@code |command}, {@code /file} or {@code :include:/file}, any of them in double quotes (so that
 * {@code "|/usr/bin/vacation -a me"} keeps its spaces and commas). Includes are returned as
 * {@link Pending} entries, for the caller to read when the alias is used, as local(8) does.
 */
final class AliasValues {

    /** A parsed element; an include is only named here. */
    sealed interface Item {
    }

    record Ready(Destination destination) implements Item {
    }

    record Pending(Path include) implements Item {
    }

    /** A syntax error in a value; the message is for postalias-style output. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    private AliasValues() {
    }

    /**
     * @param origin the domain bare names get ({@code $myorigin})
     * @param base what relative {@code :include:} and file names are resolved against
     */
    static List<Item> parse(String value, String origin, Path base) throws SyntaxError {
        List<Item> items = new ArrayList<>();
        for (String token : split(value)) {
            items.add(item(token, origin, base));
        }
        return items;
    }

    /** Splits at commas outside double quotes, removing the quotes (a backslash escapes one character inside them). */
    static List<String> split(String value) throws SyntaxError {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean hadQuote = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < value.length()) {
                    current.append(value.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                hadQuote = true;
            } else if (c == ',') {
                add(tokens, current, hadQuote);
                hadQuote = false;
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new SyntaxError("unmatched quote in \"" + value + "\"");
        }
        add(tokens, current, hadQuote);
        return tokens;
    }

    private static void add(List<String> tokens, StringBuilder current, boolean quoted) {
        String token = quoted ? current.toString() : current.toString().strip();
        current.setLength(0);
        if (!token.isBlank()) {
            tokens.add(quoted ? token.strip() : token);
        }
    }

    private static Item item(String token, String origin, Path base) throws SyntaxError {
        if (token.startsWith("|")) {
            String command = token.substring(1).strip();
            if (command.isEmpty()) {
                throw new SyntaxError("empty command in \"" + token + "\"");
            }
            return new Ready(new Destination.Command(command));
        }
        if (token.regionMatches(true, 0, ":include:", 0, 9)) {
            String file = token.substring(9).strip();
            if (file.isEmpty()) {
                throw new SyntaxError("missing file name in \"" + token + "\"");
            }
            return new Pending(path(base, file, token));
        }
        if (token.startsWith("/")) {
            return new Ready(new Destination.File(path(null, token, token)));
        }
        if (token.startsWith("\\")) {
            String user = token.substring(1).strip().toLowerCase(Locale.ROOT);
            if (user.isEmpty() || user.contains("@") || user.contains(" ")) {
                throw new SyntaxError("bad local user name in \"" + token + "\"");
            }
            return new Ready(new Destination.Mailbox(user));
        }
        return new Ready(new Destination.Address(address(token, origin)));
    }

    /** A file name as a path; one the platform cannot name (a NUL, found by fuzzing) is a syntax error. */
    private static Path path(Path base, String file, String token) throws SyntaxError {
        try {
            return base == null ? Path.of(file) : base.resolve(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new SyntaxError("bad file name in \"" + token + "\"");
        }
    }

    private static MailAddress address(String token, String origin) throws SyntaxError {
        String t = token.startsWith("<") && token.endsWith(">") ? token.substring(1, token.length() - 1) : token;
        if (t.isEmpty() || t.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch == '<' || ch == '>')) {
            throw new SyntaxError("bad address syntax: \"" + token + "\"");
        }
        int at = t.lastIndexOf('@');
        try {
            if (at < 0) {
                return MailAddress.of(t, origin);
            }
            if (at == 0 || at == t.length() - 1) {
                throw new SyntaxError("bad address syntax: \"" + token + "\"");
            }
            return MailAddress.of(t.substring(0, at), t.substring(at + 1));
        } catch (IllegalArgumentException e) {
            throw new SyntaxError("bad address syntax: \"" + token + "\"");
        }
    }
}
