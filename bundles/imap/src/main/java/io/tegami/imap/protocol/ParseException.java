package io.tegami.imap.protocol;

/**
 * A command does not follow the grammar: answered with {@code BAD}, the session goes on. The
 * message is the reason shown to the client (Dovecot's wording where it has one).
 */
public final class ParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public ParseException(String reason) {
        super(reason, null, false, false);
    }
}
