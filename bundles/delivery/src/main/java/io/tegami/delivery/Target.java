package io.tegami.delivery;

import io.tegami.api.mail.MailAddress;

/**
 * One place an alias expansion delivers to, as local(8) ends up with after alias recursion.
 *
 * @param kind what kind of delivery
 * @param value the user name, command line, file path, or remote address
 * @param recipient the address being delivered (Delivered-To, {@code RECIPIENT} for commands)
 * @param sender the envelope sender for this delivery: the original one, or a list's
 *        {@code owner-} address
 */
record Target(Kind kind, String value, MailAddress recipient, MailAddress sender) {

    enum Kind {
        /** The user's mailbox (the store, or {@code mailbox_command}). */
        MAILBOX,
        /** {@code |command}. */
        COMMAND,
        /** {@code /file}. */
        FILE,
        /** A copy re-queued for another address (a forward). */
        FORWARD
    }
}
