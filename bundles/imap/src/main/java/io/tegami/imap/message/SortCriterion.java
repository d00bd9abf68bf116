package io.tegami.imap.message;

import java.util.Objects;

/**
 * One SORT criterion (RFC 5256 3, RFC 5957), with {@code REVERSE} or not.
 *
 * @param key what to sort by
 * @param reverse whether {@code REVERSE} precedes it
 */
public record SortCriterion(Key key, boolean reverse) {

    /** The sort keys. */
    public enum Key {
        /** INTERNALDATE. */
        ARRIVAL,
        /** addr-mailbox of the first Cc address. */
        CC,
        /** The sent date (Date field, else INTERNALDATE). */
        DATE,
        /** addr-mailbox of the first From address. */
        FROM,
        /** RFC822.SIZE. */
        SIZE,
        /** The base subject. */
        SUBJECT,
        /** addr-mailbox of the first To address. */
        TO,
        /** RFC 5957: display name of the first From address, or its addr-spec. */
        DISPLAYFROM,
        /** RFC 5957: display name of the first To address, or its addr-spec. */
        DISPLAYTO
    }

    public SortCriterion {
        Objects.requireNonNull(key, "key");
    }
}
