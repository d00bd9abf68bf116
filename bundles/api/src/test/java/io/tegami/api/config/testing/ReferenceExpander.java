package io.tegami.api.config.testing;

import java.util.function.Function;

/**
 * Postfix parameter references for {@link MapMailParameters}: {@code $name}, {@code ${name}},
 * {@code $(name)}, {@code ${name?value}} (value if {@code name} is not empty) and
 * {@code ${name:value}} (value if {@code name} is empty).
 *
 * <p>A copy of the config bundle's expander, whose semantics it must keep: the api cannot depend
 * on the config bundle, and tests of other bundles must see what they will see at run time.
 * Unknown names expand to the empty string; a loop ({@code a = $b, b = $a}) ends with an
 * {@link IllegalArgumentException} after a bounded depth instead of overflowing the stack.
 */
final class ReferenceExpander {

    private static final int MAX_DEPTH = 20;

    private final Function<String, String> raw;

    /** @param raw looks up a parameter's unexpanded value, or {@code null} when unknown */
    ReferenceExpander(Function<String, String> raw) {
        this.raw = raw;
    }

    /** The fully expanded value of a parameter, or {@code null} when it is unknown. */
    String valueOf(String name) {
        String value = raw.apply(name);
        return value == null ? null : expand(value, 0);
    }

    private String expand(String text, int depth) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("parameter expansion loop in: " + text);
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '{' || next == '(') {
                int end = matching(text, i + 1, next, next == '{' ? '}' : ')');
                if (end < 0) {
                    out.append(text, i, text.length()); // unbalanced: kept as written
                    break;
                }
                out.append(reference(text.substring(i + 2, end), depth));
                i = end + 1;
            } else if (isNameChar(next)) {
                int end = i + 1;
                while (end < text.length() && isNameChar(text.charAt(end))) {
                    end++;
                }
                out.append(lookup(text.substring(i + 1, end), depth));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String reference(String body, int depth) {
        int op = 0;
        while (op < body.length() && isNameChar(body.charAt(op))) {
            op++;
        }
        String value = lookup(body.substring(0, op), depth);
        if (op == body.length()) {
            return value;
        }
        String alternative = body.substring(op + 1);
        return switch (body.charAt(op)) {
            case '?' -> value.isEmpty() ? "" : expand(alternative, depth + 1);
            case ':' -> value.isEmpty() ? expand(alternative, depth + 1) : "";
            default -> throw new IllegalArgumentException("bad parameter reference: ${" + body + "}");
        };
    }

    private String lookup(String name, int depth) {
        String value = raw.apply(name);
        return value == null ? "" : expand(value, depth + 1);
    }

    private static int matching(String text, int open, char openChar, char closeChar) {
        int level = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == openChar) {
                level++;
            } else if (c == closeChar && --level == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
