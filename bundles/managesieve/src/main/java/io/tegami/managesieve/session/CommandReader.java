package io.tegami.managesieve.session;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits ManageSieve input into commands (RFC 5804 section 4): atoms, quoted strings with
 * {@code \"} and {@code \\} escapes, and literals {@code {n}} or {@code {n+}} at the end of a
 * line, whose octets follow the line. ManageSieve servers send no continuation for a
 * synchronizing literal (RFC 5804 section 4, Dovecot does not either), so both forms are read at
 * once. Literal octets beyond {@code keep} are read and dropped, so that a too large script
 * still gets its {@code NO (QUOTA/MAXSIZE)} in step with the commands.
 */
public final class CommandReader {

    /** What the reader needs next. */
    public sealed interface Step permits Complete, Literal, Bad {
    }

    /** A whole command (or SASL answer): its tokens. */
    public record Complete(List<Token> tokens) implements Step {
    }

    /** Read this many octets with counted input, then go on with the next line. */
    public record Literal(long size) implements Step {
    }

    /**
     * The input is not a well-formed command; the partial command is dropped.
     *
     * @param reason Dovecot's parser message, with its own punctuation
     * @param verb the command name when the line began with one (upper case), else null
     */
    public record Bad(String reason, String verb) implements Step {
    }

    /** The largest literal accepted at all; beyond it the connection ends. */
    public static final long MAX_LITERAL = 1L << 30;

    private final long keep;
    private final List<Token> tokens = new ArrayList<>();
    private ByteArrayOutputStream literal;
    private long literalSize;

    /** @param keep the most literal octets kept per argument */
    public CommandReader(long keep) {
        this.keep = keep;
    }

    /** True while a command has begun but not ended (a literal announced or being read). */
    public boolean inCommand() {
        return !tokens.isEmpty() || literal != null;
    }

    /** Forgets a partial command. */
    public void clear() {
        tokens.clear();
        literal = null;
    }

    /** Takes one input line (without its ending). */
    public Step line(String line) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char q = line.charAt(i++);
                    if (q == '"') {
                        closed = true;
                        break;
                    }
                    if (q == '\\') {
                        if (i >= n || (line.charAt(i) != '"' && line.charAt(i) != '\\')) {
                            return bad("Invalid escape in quoted string.");
                        }
                        q = line.charAt(i++);
                    }
                    sb.append(q);
                }
                if (!closed) {
                    return bad("String contains invalid character."); // Dovecot: the CRLF inside the string
                }
                String s = sb.toString();
                tokens.add(new Token(s, false, s.getBytes(StandardCharsets.UTF_8).length, false));
            } else if (c == '{') {
                int close = line.indexOf('}', i);
                if (close != n - 1) {
                    return bad("Literal must end the line.");
                }
                String num = line.substring(i + 1, close);
                if (num.endsWith("+")) {
                    num = num.substring(0, num.length() - 1);
                }
                long size;
                try {
                    size = num.isEmpty() || num.length() > 12 || !num.chars().allMatch(Character::isDigit)
                            ? -1 : Long.parseLong(num);
                } catch (NumberFormatException e) {
                    size = -1;
                }
                if (size < 0) {
                    return bad("Invalid literal size");
                }
                if (size == 0) {
                    tokens.add(new Token("", false, 0, false));
                    return new Literal(0);
                }
                literal = new ByteArrayOutputStream();
                literalSize = size;
                return new Literal(size);
            } else {
                int end = line.indexOf(' ', i);
                end = end < 0 ? n : end;
                String atom = line.substring(i, end);
                if (atom.chars().anyMatch(ch -> ch < 0x21 || ch == '"' || ch == '{' || ch == '}' || ch == 0x7f)) {
                    return bad("Invalid characters in atom.");
                }
                tokens.add(new Token(atom, true, atom.length(), false));
                i = end;
            }
        }
        List<Token> done = List.copyOf(tokens);
        tokens.clear();
        return new Complete(done);
    }

    /** Takes literal octets; call after a {@link Literal} step. */
    public void bytes(ByteBuffer chunk, boolean last) {
        if (literal == null) {
            return;
        }
        int room = (int) Math.max(0, Math.min(chunk.remaining(), keep + 1 - literal.size()));
        byte[] b = new byte[room];
        chunk.get(b);
        literal.writeBytes(b);
        if (last) {
            boolean truncated = literal.size() > keep;
            String text = truncated ? "" : literal.toString(StandardCharsets.UTF_8);
            tokens.add(new Token(text, false, literalSize, truncated));
            literal = null;
        }
    }

    private Step bad(String reason) {
        String verb = !tokens.isEmpty() && tokens.get(0).atom()
                ? tokens.get(0).text().toUpperCase(java.util.Locale.ROOT) : null;
        clear();
        return new Bad(reason, verb);
    }
}
