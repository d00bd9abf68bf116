package io.tegami.imap.message;

/**
 * A lexer for structured MIME header values (RFC 2045 5.1, RFC 5322 3.2): tokens, quoted strings,
 * comments and folding whitespace. Lenient: 8-bit characters are allowed in tokens, and nothing
 * here throws; callers check for empty results.
 */
final class FieldTokenizer {

    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

    private final String s;
    private int pos;

    FieldTokenizer(String s) {
        this.s = s;
    }

    boolean atEnd() {
        skipCfws();
        return pos >= s.length();
    }

    /** Skips whitespace, CR, LF and (nested) comments. */
    void skipCfws() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pos++;
            } else if (c == '(') {
                skipComment();
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        int depth = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '\\') {
                // A quoted pair; a backslash that ends the value escapes nothing (found by fuzzing:
                // stepping past the end made token() throw).
                pos = Math.min(pos + 1, s.length());
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return;
            }
        }
    }

    /** Whether {@code c} comes next after optional CFWS (not consumed). */
    boolean peek(char c) {
        skipCfws();
        return pos < s.length() && s.charAt(pos) == c;
    }

    /** Consumes {@code c} after optional CFWS, if it is next. */
    boolean consume(char c) {
        skipCfws();
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** A MIME token after optional CFWS; empty if none. */
    String token() {
        skipCfws();
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c <= ' ' || c == 0x7f || TSPECIALS.indexOf(c) >= 0) {
                break;
            }
            pos++;
        }
        return s.substring(start, pos);
    }

    /** A quoted string (unescaped) or a token; null if neither is next or the quote never ends. */
    String value() {
        skipCfws();
        if (pos < s.length() && s.charAt(pos) == '"') {
            String q = quoted();
            return closed ? q : null; // Dovecot drops a value whose quote never ends
        }
        String t = token();
        return t.isEmpty() ? null : t;
    }

    private boolean closed;

    private String quoted() {
        StringBuilder sb = new StringBuilder();
        pos++; // opening quote
        closed = false;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                closed = true;
                return sb.toString();
            }
            if (c == '\\' && pos < s.length()) {
                sb.append(s.charAt(pos++));
            } else if (c != '\r' && c != '\n') {
                sb.append(c);
            }
        }
        return sb.toString(); // unterminated: callers decide
    }

    /** Skips to just after the next {@code c} outside quotes and comments, or to the end. */
    void skipPast(char c) {
        while (pos < s.length()) {
            char ch = s.charAt(pos);
            if (ch == '"') {
                quoted();
            } else if (ch == '(') {
                skipComment();
            } else {
                pos++;
                if (ch == c) {
                    return;
                }
            }
        }
    }
}
