package io.tegami.api.store;

import java.util.List;

import io.tegami.api.user.User;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One user's mailboxes, opened by {@link MailStore#open(User)}. Used by one thread at a time;
 * close it when done.
 */
@ConsumerType
public interface MailboxSession extends AutoCloseable {

    /** The name of the inbox; matched without case, as IMAP requires. */
    String INBOX = "INBOX";

    /** Whose mail this is. */
    User user();

    /** The hierarchy delimiter in mailbox names ({@code /} or {@code .}). */
    char delimiter();

    /** The names of all mailboxes, INBOX first. */
    List<String> list() throws StoreException;

    /**
     * Opens a mailbox.
     *
     * @throws StoreException with {@link StoreException.Reason#NOT_FOUND} if it does not exist,
     *         {@link StoreException.Reason#INVALID_NAME} if the name is not allowed
     */
    Mailbox open(String name) throws StoreException;

    /** Creates a mailbox (and missing parents). */
    void create(String name) throws StoreException;

    /** Deletes a mailbox and its messages. INBOX cannot be deleted. */
    void delete(String name) throws StoreException;

    /** Renames a mailbox; renaming INBOX moves its messages into a new mailbox, as IMAP says. */
    void rename(String from, String to) throws StoreException;

    @Override
    void close();
}
