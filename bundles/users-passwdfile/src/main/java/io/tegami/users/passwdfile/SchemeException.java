package io.tegami.users.passwdfile;

/**
 * A stored password that cannot be read (unknown scheme, bad encoding, malformed hash). The
 * message is Dovecot's for the same case ({@code Input isn't valid base64 encoded data}), which
 * {@code doveadm pw -t} shows and the passdb logs.
 */
final class SchemeException extends Exception {

    private static final long serialVersionUID = 1L;

    SchemeException(String message) {
        super(message);
    }
}
