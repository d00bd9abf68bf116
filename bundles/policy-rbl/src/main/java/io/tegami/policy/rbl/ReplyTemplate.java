package io.tegami.policy.rbl;

import java.util.Map;

/**
 * Postfix's mac_expand() as RBL reply templates use it: {@code $name}, {@code ${name}},
 * {@code ${name?text}} (text when the value is not empty) and {@code ${name:text}} (text when it
 * is empty), the text itself expanded; {@code $$} is a dollar sign. Values are filtered as
 * {@code smtpd_expansion_filter}'s default does: anything but printable ASCII, blank and tab
 * becomes {@code _}, so a DNS TXT record cannot put control characters into a reply.
 */
final class ReplyTemplate {

    private ReplyTemplate() {
    }

    /**
     * Expands {@code template} with {@code values}.
     *
     * @throws IllegalArgumentException for an unknown name or bad syntax (Postfix then uses the
     *         default template)
     */
    static String expand(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= template.length()) {
                throw new IllegalArgumentException("truncated $ in template");
            }
            char next = template.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{' || next == '(') {
                int end = closing(template, i + 1);
                String body = template.substring(i + 2, end);
                int op = indexOfOp(body);
                String name = op < 0 ? body : body.substring(0, op);
                String value = value(values, name);
                if (op < 0) {
                    out.append(value);
                } else if ((body.charAt(op) == '?') != value.isEmpty()) {
                    out.append(expand(body.substring(op + 1), values));
                }
                i = end + 1;
            } else {
                int end = i + 1;
                while (end < template.length() && (Character.isLetterOrDigit(template.charAt(end)) || template.charAt(end) == '_')) {
                    end++;
                }
                if (end == i + 1) {
                    throw new IllegalArgumentException("bad $ in template");
                }
                out.append(value(values, template.substring(i + 1, end)));
                i = end;
            }
        }
        return out.toString();
    }

    private static String value(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("unknown macro name \"" + name + "\"");
        }
        return filter(value);
    }

    private static int indexOfOp(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '?' || c == ':') {
                return i;
            }
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                throw new IllegalArgumentException("bad macro name in \"" + body + "\"");
            }
        }
        return -1;
    }

    private static int closing(String template, int open) {
        char close = template.charAt(open) == '{' ? '}' : ')';
        int depth = 0;
        for (int i = open; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == template.charAt(open)) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces in template");
    }

    /** smtpd_expansion_filter's default: printable ASCII, blank and tab; anything else becomes {@code _}. */
    static String filter(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            sb.append((c >= 0x20 && c < 0x7f) || c == '\t' ? c : '_');
        }
        return sb.toString();
    }
}
