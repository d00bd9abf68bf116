package io.tegami.api.config;

import java.util.Map;
import java.util.function.Function;

/**
 * Expands Postfix parameter references in a value: {@code $name}, {@code ${name}}, {@code $(name)},
 * and the conditional forms {@code ${name?value}} (value if {@code name} is not empty) and
 * {@code ${name:value}} (value if {@code name} is empty).
 *
 * <p>Used by the {@code config} bundle behind {@link MailParameters}, and by anyone who needs the
 * same expansion over other values (a test fake, a plugin's own table). Unknown names expand to
 * the empty string, as in Postfix. Recursion is bounded so that a
 * loop such as {@code a = $b, b = $a} ends instead of overflowing the stack.
 */
public final class ParameterExpander {

    private static final int MAX_DEPTH = 20;

    private final Function<String, String> raw;

    /** @param raw looks up a parameter's unexpanded value, or {@code null} when unknown */
    public ParameterExpander(Function<String, String> raw) {
        this.raw = raw;
    }

    /** An expander over a fixed map of unexpanded values. */
    public static ParameterExpander over(Map<String, String> values) {
        return new ParameterExpander(values::get);
    }

    /** The fully expanded value of a parameter, or {@code null} when it is unknown. */
    public String valueOf(String name) {
        String value = raw.apply(name);
        return value == null ? null : expand(value, 0);
    }

    /** Expands references in {@code text}. */
    public String expand(String text) {
        return expand(text, 0);
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
                char close = next == '{' ? '}' : ')';
                int end = matching(text, i + 1, next, close);
                if (end < 0) {
                    out.append(text, i, text.length());
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
        String name = body.substring(0, op);
        if (op == body.length()) {
            return lookup(name, depth);
        }
        String value = lookup(name, depth);
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
