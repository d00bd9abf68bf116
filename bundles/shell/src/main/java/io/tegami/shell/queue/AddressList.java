package io.tegami.shell.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.tegami.api.mail.MailAddress;

/**
 * Parses RFC 5322 address lists ({@code To:}, {@code Cc:}, {@code Bcc:} values, and sendmail's
 * recipient arguments, which Postfix also reads as lists): display names, quoted strings,
 * comments, angle addresses with or without source routes, and groups
 * ({@code undisclosed-recipients:;}). Lenient like Postfix's tok822: what cannot be an address is
 * skipped rather than failing the whole message.
 */
final class AddressList {

    private AddressList() {
    }

    /**
     * The addresses in {@code value}, with {@code @origin} appended to bare local parts
     * ({@code bob} to {@code bob@example.org}, Postfix's {@code append_at_myorigin}).
     *
     * @param rejected told each item that is not an address
     */
    static List<MailAddress> parse(String value, String origin, java.util.function.Consumer<String> rejected) {
        List<MailAddress> result = new ArrayList<>();
        for (String spec : addrSpecs(value)) {
            try {
                result.add(toAddress(spec, origin));
            } catch (IllegalArgumentException e) {
                rejected.accept(spec);
            }
        }
        return result;
    }

    /** The addr-specs of a list, as written (quotes kept): {@code "a b"@x}, {@code bob}. */
    static List<String> addrSpecs(String value) {
        List<String> specs = new ArrayList<>();
        StringBuilder text = new StringBuilder(); // the current item, comments and display names aside
        String angle = null;
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> i = copyQuoted(value, i, text);
                case '(' -> i = skipComment(value, i);
                case '<' -> {
                    int end = value.indexOf('>', i + 1);
                    String inside = end < 0 ? value.substring(i + 1) : value.substring(i + 1, end);
                    angle = stripRoute(inside);
                    text.setLength(0); // what came before was the display name
                    i = end < 0 ? n : end + 1;
                }
                case ':' -> { // a group: what came before was its name
                    text.setLength(0);
                    angle = null;
                    i++;
                }
                case ',', ';' -> {
                    finish(specs, text, angle);
                    text.setLength(0);
                    angle = null;
                    i++;
                }
                case '[' -> { // a domain literal may hold ':' and ','
                    int end = value.indexOf(']', i);
                    end = end < 0 ? n : end + 1;
                    text.append(value, i, end);
                    i = end;
                }
                default -> {
                    if (!Character.isWhitespace(c)) {
                        text.append(c);
                    } else if (angle == null && text.length() > 0) {
                        text.append(' '); // may be a display name word; collapsed below
                    }
                    i++;
                }
            }
        }
        finish(specs, text, angle);
        return specs;
    }

    private static void finish(List<String> specs, StringBuilder text, String angle) {
        String spec = angle != null ? angle.strip() : text.toString().strip();
        if (angle == null && spec.contains(" ")) {
            // Words without an angle address: "bob @ example.org" is bob@example.org, while
            // "Bob Smith" alone is a name without an address and is dropped as such below.
            spec = spec.replaceAll("\\s*([@.])\\s*", "$1");
        }
        if (!spec.isEmpty()) {
            specs.add(spec);
        }
    }

    private static int copyQuoted(String s, int start, StringBuilder out) {
        int i = start + 1;
        out.append('"');
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                out.append(c).append(s.charAt(i + 1));
                i += 2;
                continue;
            }
            out.append(c);
            i++;
            if (c == '"') {
                return i;
            }
        }
        out.append('"');
        return i;
    }

    private static int skipComment(String s, int start) {
        int depth = 0;
        int i = start;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return i;
    }

    /** {@code @a,@b:user@host} to {@code user@host} (RFC 5321 source routes are ignored). */
    private static String stripRoute(String angle) {
        String a = angle.strip();
        if (a.startsWith("@")) {
            int colon = a.indexOf(':');
            return colon < 0 ? "" : a.substring(colon + 1);
        }
        return a;
    }

    /** An addr-spec as a {@link MailAddress}: the local part unquoted, bare names qualified. */
    static MailAddress toAddress(String spec, String origin) {
        int at = lastAtOutsideQuotes(spec);
        String local = at < 0 ? spec : spec.substring(0, at);
        String domain = at < 0 ? origin : spec.substring(at + 1);
        if (local.contains(" ") && !local.startsWith("\"")) {
            throw new IllegalArgumentException("not an address: " + spec); // a display name alone
        }
        return MailAddress.of(unquote(local), domain.toLowerCase(Locale.ROOT));
    }

    private static int lastAtOutsideQuotes(String s) {
        boolean quoted = false;
        int at = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '@' && !quoted) {
                at = i;
            }
        }
        return at;
    }

    private static String unquote(String local) {
        if (!local.contains("\"")) {
            return local;
        }
        StringBuilder sb = new StringBuilder(local.length());
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c == '\\' && i + 1 < local.length()) {
                sb.append(local.charAt(++i));
            } else if (c != '"') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
