package io.tegami.api.store;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One mailbox. UIDs ascend in the order messages were added and are never reused while
 * {@link #uidValidity()} stays the same.
 */
@ConsumerType
public interface Mailbox {

    /** The mailbox name, as the session lists it. */
    String name();

    /** The UIDVALIDITY value; a change tells clients to forget their cached UIDs. */
    long uidValidity() throws StoreException;

    /** The UID the next appended message will get. */
    long uidNext() throws StoreException;

    /**
     * Adds a message. The content is streamed, with LF or CRLF line endings as the store prefers to
     * keep them; it is durable (fsync'd) when this returns.
     *
     * @param content the message, read to its end; the caller closes it
     * @param flags flags to set ({@link Flags} constants and keywords); messages delivered with no
     *        flags are new (unseen, recent)
     * @param internalDate the IMAP INTERNALDATE, usually the arrival time
     * @return the new message's UID
     */
    long append(InputStream content, Set<String> flags, Instant internalDate) throws StoreException;

    /** The messages now in the mailbox, in UID order. */
    List<MessageInfo> messages() throws StoreException;

    /** The content of one message. Close the stream. */
    InputStream openMessage(long uid) throws StoreException;

    /** Replaces a message's flags. */
    void setFlags(long uid, Set<String> flags) throws StoreException;

    /**
     * Removes the messages flagged {@link Flags#DELETED}.
     *
     * @return the UIDs removed
     */
    List<Long> expunge() throws StoreException;
}
