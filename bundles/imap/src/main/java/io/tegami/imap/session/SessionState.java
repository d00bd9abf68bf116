package io.tegami.imap.session;

/** The states of an IMAP connection (RFC 3501 section 3). */
public enum SessionState {
    /** After the greeting, before LOGIN or AUTHENTICATE. */
    NOT_AUTHENTICATED,
    /** Logged in, no mailbox selected. */
    AUTHENTICATED,
    /** A mailbox is selected (SELECT or EXAMINE). */
    SELECTED,
    /** After LOGOUT, or when the connection is ending. */
    LOGOUT
}
