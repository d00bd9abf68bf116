package io.tegami.imap.command;

/** Ends a command early with a given result ({@code NO [TRYCREATE] ...} and the like). */
public final class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Result result;

    public CommandException(Result result) {
        super(result.text(), null, false, false);
        this.result = result;
    }

    public Result result() {
        return result;
    }
}
