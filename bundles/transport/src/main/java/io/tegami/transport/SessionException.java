package io.tegami.transport;

/** A session that could not be set up or went wrong as a whole, with Postfix's explanation. */
final class SessionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Failure failure;
    private final boolean greeted;
    private final boolean retryPlain;

    /**
     * @param greeted true when the server had greeted: the attempt counts as a session for
     *        {@code smtp_mx_session_limit}
     * @param retryPlain true when an opportunistic TLS handshake failed: try the server again without TLS
     */
    SessionException(Failure failure, boolean greeted, boolean retryPlain) {
        super(failure.text(), null, false, false);
        this.failure = failure;
        this.greeted = greeted;
        this.retryPlain = retryPlain;
    }

    Failure failure() {
        return failure;
    }

    boolean greeted() {
        return greeted;
    }

    boolean retryPlain() {
        return retryPlain;
    }
}
