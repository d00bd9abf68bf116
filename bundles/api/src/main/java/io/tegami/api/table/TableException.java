package io.tegami.api.table;

/**
 * A table that cannot be opened or read, or a syntax error in its file. Postfix treats a lookup
 * that fails this way as a temporary error ({@code 451 4.3.0 ... Temporary lookup failure}).
 */
public class TableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    public TableException(String message) {
        this(message, 0, null);
    }

    public TableException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    /** @param line the 1-based line of the table file at fault, 0 when not about one line */
    public TableException(String message, int line, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    /** The 1-based line at fault, or 0. */
    public int line() {
        return line;
    }
}
