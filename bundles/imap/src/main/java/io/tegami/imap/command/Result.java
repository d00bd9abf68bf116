package io.tegami.imap.command;

/**
 * How a command ends: the tagged response's status and text (response code included, as in
 * {@code [READ-WRITE] Select completed.}), and what to do once it has been written.
 *
 * @param status OK, NO, BAD, or PENDING for a command that ends later (AUTHENTICATE, IDLE)
 * @param text the text after the status
 * @param after run after the tagged response is written (STARTTLS starts the handshake), or null
 */
public record Result(Status status, String text, Runnable after) {

    /** The tagged response's status. */
    public enum Status { OK, NO, BAD, PENDING }

    /** The command continues in a dialog; the dialog writes the tagged response. */
    public static final Result PENDING = new Result(Status.PENDING, "", null);

    public static Result ok(String text) {
        return new Result(Status.OK, text, null);
    }

    public static Result no(String text) {
        return new Result(Status.NO, text, null);
    }

    public static Result bad(String text) {
        return new Result(Status.BAD, text, null);
    }

    /** This result, with {@code action} run after the tagged response. */
    public Result then(Runnable action) {
        return new Result(status, text, action);
    }

    /** The tagged line's text: {@code OK text}. */
    public String line() {
        return status.name() + " " + text;
    }
}
