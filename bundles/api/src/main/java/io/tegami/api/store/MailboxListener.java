package io.tegami.api.store;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears the changes of a folder made by others, registered with
 * {@link Mailbox#addListener(MailboxListener)}: changes made through other handles of the folder
 * (other sessions, deliveries) in this JVM, and changes of other processes found by
 * {@link Mailbox#refresh()} or {@link Mailbox#messages()} of any handle. Never the changes made
 * through the handle the listener is registered on.
 *
 * <p>Called on the thread that made or found the change, after the change is durable; return
 * quickly and do not call the store from here (queue the event for your own session thread, as
 * IMAP IDLE does). Events of one folder arrive in the order the changes were made. All methods
 * have empty defaults.
 */
@ConsumerType
public interface MailboxListener {

    /**
     * Messages were added (delivered, appended, copied or moved in): IMAP untagged EXISTS.
     *
     * @param messages the new messages in UID order, {@code recent} as the listening handle sees them
     */
    default void added(List<MessageInfo> messages) {
    }

    /**
     * Messages were removed: IMAP untagged EXPUNGE (or VANISHED).
     *
     * @param uids the UIDs removed, ascending
     */
    default void expunged(List<Long> uids) {
    }

    /**
     * Messages' flags changed: IMAP untagged FETCH (FLAGS, MODSEQ).
     *
     * @param messages the new state, in UID order
     */
    default void flagsChanged(List<MessageInfo> messages) {
    }

    /**
     * The handle can no longer be used: the folder was deleted or renamed, its UIDVALIDITY changed
     * (a damaged index was rebuilt), or the store is stopping. An IMAP session answers with
     * {@code * BYE}, a POP3 session ends.
     */
    default void closed() {
    }
}
