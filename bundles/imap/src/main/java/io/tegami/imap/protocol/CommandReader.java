package io.tegami.imap.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the tokens of one command (RFC 3501 section 9) from a {@link RawCommand}: atoms, quoted
 * strings, literals, numbers, lists. Every method either consumes what it read or throws a
 * {@link ParseException} whose message is the reason for the {@code BAD} response.
 */
public final class CommandReader {

    private final RawCommand command;
    private int line;
    private int pos;

    public CommandReader(RawCommand command) {
        this.command = command;
    }

    private byte[] bytes() {
        return command.lines().get(line);
    }

    /** The next octet, or -1 at the end of a line (a literal or the command's end). */
    public int peek() {
        byte[] b = bytes();
        return pos < b.length ? b[pos] & 0xff : -1;
    }

    /** True when nothing is left. */
    public boolean atEnd() {
        return line == command.lines().size() - 1 && pos >= bytes().length;
    }

    /** Requires the end of the command. */
    public void end() throws ParseException {
        if (!atEnd()) {
            throw new ParseException("Extra arguments.");
        }
    }

    /** Requires one space. */
    public void sp() throws ParseException {
        if (peek() != ' ') {
            throw new ParseException(atEnd() ? "Missing arguments." : "Expected a space.");
        }
        pos++;
    }

    /** Consumes a space if there is one. */
    public boolean optionalSp() {
        if (peek() == ' ') {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes {@code c} if it is next. */
    public boolean consume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** Requires {@code c}. */
    public void expect(char c) throws ParseException {
        if (!consume(c)) {
            throw new ParseException(atEnd() ? "Missing arguments." : "Expected '" + c + "'.");
        }
    }

    /** The tag: 1*(ASTRING-CHAR except "+"). */
    public String tag() throws ParseException {
        int start = pos;
        byte[] b = bytes();
        while (pos < b.length && Chars.isAstringChar(b[pos]) && b[pos] != '+') {
            pos++;
        }
        if (pos == start) {
            throw new ParseException("Invalid tag.");
        }
        return new String(b, start, pos - start, StandardCharsets.US_ASCII);
    }

    /** An atom, as written. */
    public String atom() throws ParseException {
        return chars(Kind.ATOM, "Expected an atom.");
    }

    /** An atom in upper case (command names, keywords). */
    public String keyword() throws ParseException {
        return atom().toUpperCase(Locale.ROOT);
    }

    /** Whether the next token is the atom {@code word} (any case); consumes it if so. */
    public boolean consumeWord(String word) {
        byte[] b = bytes();
        int n = word.length();
        if (pos + n > b.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (Character.toUpperCase(b[pos + i]) != Character.toUpperCase(word.charAt(i))) {
                return false;
            }
        }
        if (pos + n < b.length && Chars.isAtomChar(b[pos + n])) {
            return false;
        }
        pos += n;
        return true;
    }

    /** An astring, decoded as UTF-8. */
    public String astring() throws ParseException {
        return new String(astringBytes(), StandardCharsets.UTF_8);
    }

    /** An astring's octets: ASTRING-CHARs, a quoted string or a literal. */
    public byte[] astringBytes() throws ParseException {
        int c = peek();
        if (c == '"' || c == '{') {
            return stringBytes();
        }
        return chars(Kind.ASTRING, atEnd() ? "Missing arguments." : "Invalid characters in atom.")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A string (quoted or literal), decoded as UTF-8. */
    public String string() throws ParseException {
        return new String(stringBytes(), StandardCharsets.UTF_8);
    }

    /** A string's octets. */
    public byte[] stringBytes() throws ParseException {
        int c = peek();
        if (c == '"') {
            return quoted();
        }
        if (c == '{') {
            return literal().bytes();
        }
        throw new ParseException(atEnd() ? "Missing arguments." : "Expected a string.");
    }

    /** An nstring: NIL (null) or a string. */
    public String nstring() throws ParseException {
        if (peek() != '"' && peek() != '{') {
            if (consumeWord("NIL")) {
                return null;
            }
        }
        return string();
    }

    /** A list-mailbox: list-chars (with {@code % *}) or a string, decoded as UTF-8. */
    public String listMailbox() throws ParseException {
        int c = peek();
        if (c == '"' || c == '{') {
            return string();
        }
        return chars(Kind.LIST, atEnd() ? "Missing arguments." : "Invalid characters in mailbox pattern.");
    }

    /** A literal; {@code {n}} must close the current line. */
    public Literal literal() throws ParseException {
        byte[] b = bytes();
        if (peek() != '{') {
            throw new ParseException("Expected a literal.");
        }
        int close = pos;
        while (close < b.length && b[close] != '}') {
            close++;
        }
        if (close != b.length - 1 || line >= command.literals().size()) {
            throw new ParseException("Invalid literal.");
        }
        Literal literal = command.literals().get(line);
        line++;
        pos = 0;
        return literal;
    }

    /** True if a literal comes next. */
    public boolean atLiteral() {
        return peek() == '{';
    }

    /** A number (RFC 3501: 32-bit unsigned). */
    public long number() throws ParseException {
        return number(0xffffffffL, "Invalid number.");
    }

    /** A non-zero number. */
    public long nzNumber() throws ParseException {
        long n = number();
        if (n == 0) {
            throw new ParseException("Invalid number.");
        }
        return n;
    }

    /** A mod-sequence value (RFC 7162: up to 2^63-1). */
    public long modSequence() throws ParseException {
        return number(Long.MAX_VALUE, "Invalid modseq.");
    }

    /** Digits up to {@code max}. */
    public long number(long max, String error) throws ParseException {
        byte[] b = bytes();
        int start = pos;
        long n = 0;
        while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
            if (pos - start >= 19) {
                throw new ParseException(error);
            }
            n = n * 10 + (b[pos] - '0');
            pos++;
        }
        if (pos == start || n > max || n < 0) {
            throw new ParseException(error);
        }
        return n;
    }

    /** A sequence set ({@code 1:4,7,9:*}). */
    public SequenceSet sequenceSet() throws ParseException {
        byte[] b = bytes();
        int start = pos;
        while (pos < b.length && (Character.isDigit(b[pos]) || b[pos] == ':' || b[pos] == ',' || b[pos] == '*'
                || b[pos] == '$')) {
            pos++;
        }
        return SequenceSet.parse(new String(b, start, pos - start, StandardCharsets.US_ASCII));
    }

    /** A flag: {@code \Seen}, a keyword, or {@code \*} (commands refuse it where it has no place). */
    public String flag() throws ParseException {
        if (consume('\\')) {
            if (consume('*')) {
                return "\\*";
            }
            return "\\" + chars(Kind.ATOM, "Invalid flag.");
        }
        return chars(Kind.ATOM, "Invalid flag.");
    }

    /** A parenthesized list of flags, possibly empty. */
    public List<String> flagList() throws ParseException {
        expect('(');
        List<String> flags = new ArrayList<>();
        if (consume(')')) {
            return flags;
        }
        while (true) {
            flags.add(flag());
            if (consume(')')) {
                return flags;
            }
            sp();
        }
    }

    /** Bytes up to a space, a parenthesis or the end, as written: for date arguments and the like. */
    public String word() throws ParseException {
        byte[] b = bytes();
        int start = pos;
        while (pos < b.length && b[pos] != ' ' && b[pos] != '(' && b[pos] != ')') {
            pos++;
        }
        if (pos == start) {
            throw new ParseException("Missing arguments.");
        }
        return new String(b, start, pos - start, StandardCharsets.UTF_8);
    }

    /** A date (RFC 3501 {@code date}): plain or quoted. */
    public String dateText() throws ParseException {
        if (peek() == '"') {
            return new String(quoted(), StandardCharsets.US_ASCII);
        }
        return chars(Kind.ATOM, "Invalid date.");
    }

    private enum Kind { ATOM, ASTRING, LIST }

    private String chars(Kind kind, String error) throws ParseException {
        byte[] b = bytes();
        int start = pos;
        while (pos < b.length && switch (kind) {
            case ATOM -> Chars.isAtomChar(b[pos]);
            case ASTRING -> Chars.isAstringChar(b[pos]);
            case LIST -> Chars.isListChar(b[pos]);
        }) {
            pos++;
        }
        if (pos == start) {
            throw new ParseException(error);
        }
        return new String(b, start, pos - start, StandardCharsets.US_ASCII);
    }

    /** A quoted string: DQUOTE *QUOTED-CHAR DQUOTE, 8-bit octets allowed (UTF-8 clients send them). */
    private byte[] quoted() throws ParseException {
        byte[] b = bytes();
        pos++; // the opening quote
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (pos < b.length) {
            byte c = b[pos++];
            if (c == '"') {
                return out.toByteArray();
            }
            if (c == '\\') {
                if (pos >= b.length || (b[pos] != '"' && b[pos] != '\\')) {
                    throw new ParseException("Invalid escape in quoted string.");
                }
                c = b[pos++];
            } else if (c == 0) {
                throw new ParseException("NUL in quoted string.");
            }
            out.write(c);
        }
        throw new ParseException("Missing '\"'.");
    }
}
