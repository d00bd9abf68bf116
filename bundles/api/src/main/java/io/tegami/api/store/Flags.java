package io.tegami.api.store;

/** The IMAP system flags (RFC 3501 2.3.2). Any other flag string is a keyword. */
public final class Flags {

    public static final String SEEN = "\\Seen";
    public static final String ANSWERED = "\\Answered";
    public static final String FLAGGED = "\\Flagged";
    public static final String DELETED = "\\Deleted";
    public static final String DRAFT = "\\Draft";
    /** Session-only: set on messages that arrived since the mailbox was last selected. */
    public static final String RECENT = "\\Recent";

    private Flags() {
    }
}
