package io.tegami.sieve;

/**
 * One lexical token of a Sieve script.
 *
 * @param kind what it is
 * @param text the identifier or tag name (without colon), or the decoded string
 * @param number the value of a number token
 * @param line 1-based line where it starts
 * @param column 1-based column where it starts
 */
record Token(Kind kind, String text, long number, int line, int column) {

    /** Token kinds of RFC 5228 section 8.1. */
    enum Kind { IDENTIFIER, TAG, NUMBER, STRING, LBRACKET, RBRACKET, LPAREN, RPAREN, COMMA, SEMICOLON, LBRACE, RBRACE, EOF }

    /** How Pigeonhole names the token in "but found ..." messages. */
    String describe() {
        return switch (kind) {
            case IDENTIFIER -> "identifier '" + text + "'";
            case TAG -> "tag ':" + text + "'";
            case NUMBER -> "number";
            case STRING -> "string";
            case LBRACKET -> "'['";
            case RBRACKET -> "']'";
            case LPAREN -> "'('";
            case RPAREN -> "')'";
            case COMMA -> "','";
            case SEMICOLON -> "';'";
            case LBRACE -> "'{'";
            case RBRACE -> "'}'";
            case EOF -> "end of file";
        };
    }
}
