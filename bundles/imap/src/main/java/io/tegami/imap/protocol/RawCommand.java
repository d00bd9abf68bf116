package io.tegami.imap.protocol;

import java.util.List;

/**
 * One complete client command as it came in: its lines (without line endings) and the literals
 * between them. Line {@code i} ends with the {@code {n}} marker of literal {@code i}; there is
 * always one line more than there are literals. Close it to free spooled literals.
 */
public record RawCommand(List<byte[]> lines, List<Literal> literals) implements AutoCloseable {

    public RawCommand {
        lines = List.copyOf(lines);
        literals = List.copyOf(literals);
        if (lines.size() != literals.size() + 1) {
            throw new IllegalArgumentException("a command has one line more than literals");
        }
    }

    /** A command of a single line without literals (tests, simple callers). */
    public static RawCommand of(byte[] line) {
        return new RawCommand(List.of(line), List.of());
    }

    @Override
    public void close() {
        literals.forEach(Literal::close);
    }
}
