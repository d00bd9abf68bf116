package io.tegami.sieve;

import io.tegami.api.sieve.SieveCompileException;
import java.util.ArrayList;
import java.util.List;

/** Splits a script into tokens (RFC 5228 section 8.1), tracking line and column for errors. */
final class Lexer {

    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;

    private Lexer(String src) {
        this.src = src;
    }

    /** Tokenizes the whole script; the last token is EOF. */
    static List<Token> tokenize(String src) throws SieveCompileException {
        Lexer lexer = new Lexer(src);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != Token.Kind.EOF);
        return tokens;
    }

    private int col() {
        return pos - lineStart + 1;
    }

    private void newline() {
        line++;
        lineStart = pos;
    }

    private SieveCompileException error(int l, int c, String message) {
        return new SieveCompileException(l, c, message);
    }

    private Token next() throws SieveCompileException {
        skipWhitespaceAndComments();
        int l = line;
        int c = col();
        if (pos >= src.length()) {
            return new Token(Token.Kind.EOF, "", 0, l, c);
        }
        char ch = src.charAt(pos);
        Token.Kind single = switch (ch) {
            case '[' -> Token.Kind.LBRACKET;
            case ']' -> Token.Kind.RBRACKET;
            case '(' -> Token.Kind.LPAREN;
            case ')' -> Token.Kind.RPAREN;
            case ',' -> Token.Kind.COMMA;
            case ';' -> Token.Kind.SEMICOLON;
            case '{' -> Token.Kind.LBRACE;
            case '}' -> Token.Kind.RBRACE;
            default -> null;
        };
        if (single != null) {
            pos++;
            return new Token(single, String.valueOf(ch), 0, l, c);
        }
        if (ch == '"') {
            return quoted(l, c);
        }
        if (ch == ':') {
            pos++;
            if (pos >= src.length() || !identStart(src.charAt(pos))) {
                throw error(l, c, "unexpected character(s) starting with ':'");
            }
            return new Token(Token.Kind.TAG, identifier(), 0, l, c);
        }
        if (ch >= '0' && ch <= '9') {
            return number(l, c);
        }
        if (identStart(ch)) {
            String id = identifier();
            if (id.equalsIgnoreCase("text") && pos < src.length() && src.charAt(pos) == ':') {
                pos++;
                return multiline(l, c);
            }
            return new Token(Token.Kind.IDENTIFIER, id, 0, l, c);
        }
        throw error(l, c, "unexpected character(s) starting with '" + ch + "'");
    }

    private static boolean identStart(char ch) {
        return ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }

    private String identifier() {
        int start = pos;
        while (pos < src.length() && (identStart(src.charAt(pos)) || Character.isDigit(src.charAt(pos)))) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private Token number(int l, int c) throws SieveCompileException {
        int start = pos;
        while (pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '9') {
            pos++;
        }
        long value;
        try {
            value = Long.parseLong(src.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error(l, c, "number exceeds integer limit");
        }
        if (pos < src.length()) {
            int shift = switch (Character.toUpperCase(src.charAt(pos))) {
                case 'K' -> 10;
                case 'M' -> 20;
                case 'G' -> 30;
                default -> 0;
            };
            if (shift > 0) {
                pos++;
                value <<= shift;
            }
        }
        // Pigeonhole's sieve_number_t is 64 bits but RFC 5228 only promises 2^31; keep unsigned 32-bit semantics.
        if (value > 0xFFFFFFFFL) {
            throw error(l, c, "number exceeds integer limit");
        }
        return new Token(Token.Kind.NUMBER, "", value, l, c);
    }

    private Token quoted(int l, int c) throws SieveCompileException {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw error(line, col(), "end of file before end of quoted string started at line " + l);
            }
            char ch = src.charAt(pos++);
            if (ch == '"') {
                return new Token(Token.Kind.STRING, sb.toString(), 0, l, c);
            }
            if (ch == '\\' && pos < src.length()) {
                // RFC 5228 2.4.2: "\" followed by any character stands for that character.
                ch = src.charAt(pos++);
            }
            if (ch == '\n') {
                newline();
            }
            sb.append(ch);
        }
    }

    private Token multiline(int l, int c) throws SieveCompileException {
        // text: *(SP / HTAB) (hash-comment / CRLF)
        while (pos < src.length() && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t')) {
            pos++;
        }
        if (pos < src.length() && src.charAt(pos) == '#') {
            while (pos < src.length() && src.charAt(pos) != '\n') {
                pos++;
            }
        }
        if (pos < src.length() && src.charAt(pos) == '\r') {
            pos++;
        }
        if (pos >= src.length() || src.charAt(pos) != '\n') {
            throw error(line, col(), "invalid character following text: (expected newline or hash comment)");
        }
        pos++;
        newline();
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw error(l, c, "end of file before end of multi-line string");
            }
            int eol = src.indexOf('\n', pos);
            String raw = eol < 0 ? src.substring(pos) : src.substring(pos, eol);
            String text = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            pos = eol < 0 ? src.length() : eol + 1;
            if (eol >= 0) {
                newline();
            }
            if (text.equals(".")) {
                return new Token(Token.Kind.STRING, sb.toString(), 0, l, c);
            }
            if (eol < 0) {
                throw error(l, c, "end of file before end of multi-line string");
            }
            // Dot-stuffing (RFC 5228 2.4.2): a line starting with ".." stands for one dot.
            sb.append(text.startsWith("..") ? text.substring(1) : text).append("\r\n");
        }
    }

    private void skipWhitespaceAndComments() throws SieveCompileException {
        while (pos < src.length()) {
            char ch = src.charAt(pos);
            if (ch == '\n') {
                pos++;
                newline();
            } else if (ch == ' ' || ch == '\t' || ch == '\r') {
                pos++;
            } else if (ch == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (ch == '/' && pos + 1 < src.length() && src.charAt(pos + 1) == '*') {
                int l = line;
                int c = col();
                pos += 2;
                while (!src.startsWith("*/", pos)) {
                    if (pos >= src.length()) {
                        throw error(line, col(), "end of file before end of bracket comment ('/* ... */') started at line " + l);
                    }
                    if (src.charAt(pos++) == '\n') {
                        newline();
                    }
                }
                pos += 2;
            } else {
                return;
            }
        }
    }
}
