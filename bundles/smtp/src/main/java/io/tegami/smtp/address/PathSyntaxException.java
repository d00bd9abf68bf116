package io.tegami.smtp.address;

/**
 * A command argument that is not a usable path. The kind tells the command which of Postfix's two
 * replies to give: a malformed command ({@code 501 5.5.4 Syntax: ...}) or a malformed address
 * ({@code 501 5.1.7 Bad sender address syntax}, {@code 501 5.1.3 Bad recipient address syntax}).
 */
public final class PathSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What was wrong. */
    public enum Kind {
        /** The keyword ({@code FROM:}, {@code TO:}) or the path itself is missing. */
        COMMAND,
        /** A path is there but is not an address. */
        ADDRESS
    }

    private final Kind kind;

    public PathSyntaxException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** What was wrong. */
    public Kind kind() {
        return kind;
    }
}
