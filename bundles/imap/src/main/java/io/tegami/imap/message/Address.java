package io.tegami.imap.message;

/**
 * One entry of an IMAP address list (RFC 3501 7.4.2 ENVELOPE): a mailbox, or the start or end
 * marker of an RFC 5322 group. Values are as written (RFC 2047 words stay encoded); quoted strings
 * are unquoted. A missing local part or domain is {@code MISSING_MAILBOX} / {@code MISSING_DOMAIN},
 * as Dovecot reports them.
 *
 * @param name the display name, or null
 * @param route the obsolete source route ({@code @a,@b}), or null
 * @param mailbox the local part; for a group start, the group name; null for a group end
 * @param host the domain; null for group markers
 */
public record Address(String name, String route, String mailbox, String host) {

    /** The local part Dovecot reports when there is none. */
    public static final String MISSING_MAILBOX = "MISSING_MAILBOX";
    /** The domain Dovecot reports when there is none. */
    public static final String MISSING_DOMAIN = "MISSING_DOMAIN";

    /** A group start marker: {@code (NIL NIL "name" NIL)}. */
    public static Address groupStart(String groupName) {
        return new Address(null, null, groupName, null);
    }

    /** The group end marker: {@code (NIL NIL NIL NIL)}. */
    public static Address groupEnd() {
        return new Address(null, null, null, null);
    }

    /** True for a group start marker. */
    public boolean isGroupStart() {
        return host == null && mailbox != null;
    }

    /** True for a group end marker. */
    public boolean isGroupEnd() {
        return host == null && mailbox == null;
    }

    /** {@code mailbox@host} for a mailbox entry; the empty string for group markers. */
    public String addrSpec() {
        return host == null ? "" : mailbox + "@" + host;
    }
}
