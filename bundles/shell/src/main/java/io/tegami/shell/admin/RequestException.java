package io.tegami.shell.admin;

/** A request that cannot be run: too long, not UTF-8, or never sent in time. */
final class RequestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean answered;

    private RequestException(String message, boolean answered) {
        super(message);
        this.answered = answered;
    }

    static RequestException tooLong(int limit) {
        return new RequestException("tegami: request longer than " + limit + " bytes", true);
    }

    static RequestException malformed(String why) {
        return new RequestException("tegami: " + why, true);
    }

    static RequestException idle() {
        return new RequestException("idle admin connection dropped", false);
    }

    /** True if the client should be told why; an idle client is just dropped. */
    boolean answered() {
        return answered;
    }
}
