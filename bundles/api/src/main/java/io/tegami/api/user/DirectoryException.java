package io.tegami.api.user;

/** The user directory cannot answer now (unreadable file, server down): a temporary failure. */
public class DirectoryException extends Exception {

    private static final long serialVersionUID = 1L;

    public DirectoryException(String message) {
        super(message);
    }

    public DirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
