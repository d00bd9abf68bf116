package io.tegami.api.store;

/** How {@link Mailbox#updateFlags} applies flags: IMAP's {@code FLAGS}, {@code +FLAGS}, {@code -FLAGS}. */
public enum FlagMode {
    /** The message's flags become exactly the given ones. */
    REPLACE,
    /** The given flags are added. */
    ADD,
    /** The given flags are removed. */
    REMOVE
}
