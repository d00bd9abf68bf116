package io.tegami.api.store;

import io.tegami.api.user.User;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A mail storage format. Stateless and shared; all per-user state lives in the
 * {@link MailboxSession} it opens.
 */
@ConsumerType
public interface MailStore {

    /** Service property: the format, as in Dovecot's {@code mail_location} prefix ({@code maildir}, {@code mbox}). */
    String TYPE = "type";

    /**
     * Opens a user's mail, creating the user's mail directory and INBOX if they do not exist yet.
     *
     * @param user the user, with a home directory
     * @throws StoreException if the user's mail cannot be opened
     */
    MailboxSession open(User user) throws StoreException;
}
