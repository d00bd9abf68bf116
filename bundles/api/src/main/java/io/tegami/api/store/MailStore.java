package io.tegami.api.store;

import io.tegami.api.user.User;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A mail storage format, registered as a service with the {@value #TYPE} property. Stateless and
 * shared by every thread; all per-user state lives in the {@link MailboxSession} it opens.
 *
 * <p>Consumers pick a store by the prefix of the user's mail location ({@code maildir:...} means
 * {@code (type=maildir)}), all by the one rule of {@link StoreSelection}; the store reads the
 * location itself (the userdb {@code mail} or {@code userdb_mail} field of {@link User#fields()},
 * else the {@code mail_location} parameter).
 * When a store's component is deactivated (its bundle stops), it ends its open handles: their
 * listeners get {@link MailboxListener#closed()} and further calls throw {@link StoreException}
 * with {@link StoreException.Reason#IO}.
 */
@ConsumerType
public interface MailStore {

    /**
     * Service property: the format, as in Dovecot's {@code mail_location} prefix
     * ({@code maildir}, {@code mbox}).
     */
    String TYPE = "type";

    /**
     * Opens a user's mail, creating the user's mail directory and INBOX if they do not exist yet.
     *
     * @param user the user, with a home directory and userdb fields
     * @return a session for one thread; close it when done
     * @throws StoreException if the user's mail cannot be opened ({@link StoreException.Reason#IO}
     *         for a bad or foreign mail location, {@link StoreException.Reason#INVALID_NAME} for a
     *         user name that cannot be part of a path)
     */
    MailboxSession open(User user) throws StoreException;
}
