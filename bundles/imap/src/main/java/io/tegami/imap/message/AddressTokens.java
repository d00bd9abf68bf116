package io.tegami.imap.message;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an address field into RFC 5322 lexical tokens for {@link AddressParser}: words (atoms,
 * with dots), quoted strings (unquoted), comments (their text), domain literals and the specials
 * {@code < > @ , ; :}. An unterminated quoted string ends the list with a stray {@code "}.
 */
final class AddressTokens {

    enum Kind { WORD, QUOTED, COMMENT, LITERAL, SPECIAL }

    record Token(Kind kind, String text) {
        boolean is(char c) {
            return kind == Kind.SPECIAL && text.charAt(0) == c;
        }
    }

    private AddressTokens() {
    }

    static List<Token> tokenize(String s, int maxTokens) {
        List<Token> list = new ArrayList<>();
        int p = 0;
        int n = s.length();
        while (p < n && list.size() < maxTokens) {
            char c = s.charAt(p);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                p++;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                p++;
                boolean closed = false;
                while (p < n) {
                    char d = s.charAt(p++);
                    if (d == '"') {
                        closed = true;
                        break;
                    }
                    if (d == '\\' && p < n) {
                        d = s.charAt(p++);
                    }
                    sb.append(d);
                }
                if (!closed) {
                    // An unterminated quote spoils the rest: one missing address, as for Dovecot.
                    list.add(new Token(Kind.SPECIAL, "\""));
                    return list;
                }
                list.add(new Token(Kind.QUOTED, sb.toString()));
            } else if (c == '(') {
                StringBuilder sb = new StringBuilder();
                int depth = 0;
                while (p < n) {
                    char d = s.charAt(p++);
                    if (d == '\\' && p < n) {
                        sb.append(s.charAt(p++));
                        continue;
                    }
                    if (d == '(') {
                        if (depth++ == 0) {
                            continue;
                        }
                    } else if (d == ')') {
                        if (--depth == 0) {
                            break;
                        }
                    }
                    sb.append(d);
                }
                if (depth > 0) {
                    // An unterminated comment: a stray "(" marks the error for the parser.
                    list.add(new Token(Kind.SPECIAL, "("));
                    return list;
                }
                list.add(new Token(Kind.COMMENT, sb.toString()));
            } else if (c == '[') {
                int end = s.indexOf(']', p);
                end = end < 0 ? n : end + 1;
                list.add(new Token(Kind.LITERAL, s.substring(p, end)));
                p = end;
            } else if ("<>@,;:".indexOf(c) >= 0 || c == '.' && (p + 1 >= n || isSpecialOrSpace(s.charAt(p + 1)))) {
                list.add(new Token(Kind.SPECIAL, String.valueOf(c)));
                p++;
            } else {
                int start = p;
                while (p < n) {
                    char d = s.charAt(p);
                    if (isSpecialOrSpace(d) || d == '"' || d == '(' || d == '[') {
                        break;
                    }
                    p++;
                }
                if (p == start) {
                    p++; // a character no rule takes (like ']'): skip it
                    continue;
                }
                list.add(new Token(Kind.WORD, s.substring(start, p)));
            }
        }
        return list;
    }

    private static boolean isSpecialOrSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || "<>@,;:".indexOf(c) >= 0;
    }
}
