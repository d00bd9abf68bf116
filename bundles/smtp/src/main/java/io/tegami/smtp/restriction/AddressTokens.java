package io.tegami.smtp.restriction;

import java.util.ArrayList;
import java.util.List;

/**
 * A mail address as Postfix's tok822 tokenizer sees it: atoms, quoted strings, domain literals and
 * the operator characters, among which {@code %} and {@code !} count as routing operators. The
 * address resolver works on these tokens, because the local part of {@code "user@other"@ourhost}
 * must not be mistaken for routing, while {@code user%other@ourhost} must be.
 */
final class AddressTokens {

    /** What a token is. */
    enum Kind { ATOM, QSTRING, DOMLIT, COMMENT, OP }

    /** One token; {@code op} is the operator character for {@link Kind#OP}. */
    record Token(Kind kind, char op, String text) {

        static Token op(char c) {
            return new Token(Kind.OP, c, String.valueOf(c));
        }

        boolean is(char c) {
            return kind == Kind.OP && op == c;
        }

        boolean nonOperator() {
            return kind != Kind.OP;
        }
    }

    /** tok822's operator characters: {@code |%!} and the RFC 822 specials. */
    private static final String OPCHARS = "|%!()<>@,;:\\\".[]";

    private AddressTokens() {
    }

    /**
     * Tokenizes an address in internal (unquoted) form, quoting its local part first when it is
     * not a dot-string, as resolve.c does with quote_822_local().
     */
    static List<Token> ofInternal(String address) {
        return scan(quoteLocal(address));
    }

    /** tok822_scan(): external form to tokens. */
    static List<Token> scan(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (isBlank(c)) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            if (c == '(') {
                int level = 1;
                text.append('(');
                while (i < s.length() && level > 0) {
                    char d = s.charAt(i++);
                    text.append(d);
                    level += d == '(' ? 1 : d == ')' ? -1 : 0;
                }
                out.add(new Token(Kind.COMMENT, '\0', text.toString()));
            } else if (c == '[' || c == '"') {
                i = collect(s, i, text, c == '[' ? ']' : '"');
                if (i < s.length()) {
                    i++;
                }
                out.add(new Token(c == '[' ? Kind.DOMLIT : Kind.QSTRING, '\0', text.toString()));
            } else if (c != '\\' && OPCHARS.indexOf(c) >= 0) {
                out.add(Token.op(c));
            } else {
                i = collect(s, i - 1, text, '\0');
                String atom = text.toString();
                boolean quote = atom.chars().anyMatch(ch -> ch <= ' ' || ch == 0x7f || OPCHARS.indexOf(ch) >= 0);
                out.add(new Token(quote ? Kind.QSTRING : Kind.ATOM, '\0', atom));
            }
        }
        return out;
    }

    /** Collects up to {@code end} (or, for atoms, a blank or operator), honouring backslashes. */
    private static int collect(String s, int i, StringBuilder out, char end) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (++i >= s.length()) {
                    break;
                }
                c = s.charAt(i);
            } else if (end != '\0' ? c == end : (isBlank(c) || OPCHARS.indexOf(c) >= 0)) {
                break;
            }
            out.append(c == '\t' || c == '\r' || c == '\n' ? ' ' : c);
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** tok822_internalize(): tokens back to the internal string form. */
    static String internalize(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            sb.append(t.kind() == Kind.DOMLIT ? "[" + t.text() + "]" : t.text());
            if (i + 1 < tokens.size()) {
                Token next = tokens.get(i + 1);
                if (t.is(',') || next.is('<') || (t.nonOperator() && next.nonOperator())) {
                    sb.append(' ');
                }
            }
        }
        return sb.toString();
    }

    /** quote_822_local(): quotes the local part unless it is an RFC 822 dot-string. */
    static String quoteLocal(String address) {
        int start = 0;
        if (address.startsWith("@") && address.indexOf(':') > 0) {
            start = address.indexOf(':') + 1;
        }
        int end = address.lastIndexOf('@');
        if (end < start) {
            end = address.length();
        }
        String local = address.substring(start, end);
        if (isDotString(local)) {
            return address;
        }
        StringBuilder sb = new StringBuilder(address.length() + 4).append(address, 0, start).append('"');
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c == '"' || c == '\\' || c == '\r') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').append(address, end, address.length()).toString();
    }

    /** is_822_dot_string(): atoms separated by single dots; 8-bit text is left alone. */
    static boolean isDotString(String local) {
        if (local.isEmpty() || local.charAt(0) == '.' || local.charAt(local.length() - 1) == '.') {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if ((c == '.' && i + 1 < local.length() && local.charAt(i + 1) == '.') || c <= ' ' || c == 0x7f
                    || "()<>@,;:\\\"[]".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Index of the last operator {@code c}, or -1. */
    static int rfind(List<Token> tokens, char c) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (tokens.get(i).is(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first operator {@code c}, or -1. */
    static int find(List<Token> tokens, char c) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is(c)) {
                return i;
            }
        }
        return -1;
    }
}
