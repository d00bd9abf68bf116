package io.tegami.api.rewrite;

/**
 * An address could not be rewritten now (a lookup table could not be read). The queue refuses
 * the message with a temporary error, as Postfix's cleanup does after a table lookup failure.
 */
public class RewriteException extends Exception {

    private static final long serialVersionUID = 1L;

    public RewriteException(String message) {
        super(message);
    }

    public RewriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
