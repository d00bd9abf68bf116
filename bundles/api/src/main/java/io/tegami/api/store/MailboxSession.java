package io.tegami.api.store;

import java.util.List;
import java.util.Optional;

import io.tegami.api.user.User;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One user's folder tree, opened by {@link MailStore#open(User)}. Used by one thread at a time;
 * close it when done (closing it closes the {@link Mailbox} handles it opened).
 *
 * <p>Every method taking a name checks it as {@link MailboxNames#normalize(String, char)} does
 * (plus any limit of the store's own) and throws {@link StoreException.Reason#INVALID_NAME} for a
 * name that is not allowed. Names are Unicode; {@code INBOX} is matched without case, also as the
 * first level of a child ({@code inbox/Sub} is {@code INBOX/Sub}).
 */
@ConsumerType
public interface MailboxSession extends AutoCloseable {

    /** The name of the inbox; matched without case, as IMAP requires. */
    String INBOX = "INBOX";

    /** Whose mail this is. */
    User user();

    /**
     * The hierarchy delimiter in mailbox names: {@code .} for Maildir++, {@code /} for mbox and
     * the Maildir {@code LAYOUT=fs}, as Dovecot uses.
     */
    char delimiter();

    /**
     * Every mailbox, INBOX first, then the others sorted by name, each with its attributes
     * ({@link MailboxAttributes}): {@code \HasChildren} or {@code \HasNoChildren} on every entry,
     * special-use attributes, and {@code \Noselect} on parents that exist only as a level of a
     * child's name (such a parent is listed too, so that the tree has no holes). The IMAP layer
     * matches LIST patterns against these names itself.
     */
    List<MailboxInfo> list() throws StoreException;

    /**
     * Opens a folder read-write, as IMAP SELECT, POP3 and delivery do. Same as
     * {@code open(name, false)}.
     */
    default Mailbox open(String name) throws StoreException {
        return open(name, false);
    }

    /**
     * Opens a handle on a folder. A read-only handle (IMAP EXAMINE, STATUS) claims no
     * {@code \Recent} and refuses changes with {@link StoreException.Reason#NOT_ALLOWED}.
     *
     * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if it does not exist or is a
     *         {@code \Noselect} name, {@link StoreException.Reason#INVALID_NAME} if the name is not
     *         allowed
     */
    Mailbox open(String name, boolean readOnly) throws StoreException;

    /**
     * Creates a folder, and any missing parent levels as folders too (as Dovecot does).
     *
     * @throws StoreException {@link StoreException.Reason#ALREADY_EXISTS} if it exists (INBOX
     *         always does); a {@code \Noselect} parent placeholder may be created
     */
    void create(String name) throws StoreException;

    /**
     * Deletes a folder and its messages (RFC 3501 DELETE). If it has children they stay, and its
     * name remains listed as {@code \Noselect}. Open handles of the folder get
     * {@link MailboxListener#closed()}. Subscriptions are left alone, as IMAP says.
     *
     * @throws StoreException {@link StoreException.Reason#NOT_ALLOWED} for INBOX, and for a
     *         {@code \Noselect} name that has children; {@link StoreException.Reason#NOT_FOUND} if
     *         there is no such folder
     */
    void delete(String name) throws StoreException;

    /**
     * Renames a folder with its children ({@code A} to {@code B} also renames {@code A/x} to
     * {@code B/x}), keeping UIDVALIDITY and UIDs. Renaming INBOX moves its messages into a new
     * folder and leaves INBOX empty, as RFC 3501 says. Open handles of a renamed folder get
     * {@link MailboxListener#closed()}.
     *
     * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if {@code from} does not
     *         exist, {@link StoreException.Reason#ALREADY_EXISTS} if {@code to} does,
     *         {@link StoreException.Reason#NOT_ALLOWED} to rename a folder below itself
     */
    void rename(String from, String to) throws StoreException;

    /**
     * Adds a name to the subscriptions (IMAP SUBSCRIBE). The folder need not exist. Subscribing
     * twice is not an error.
     */
    void subscribe(String name) throws StoreException;

    /** Removes a name from the subscriptions; removing one not there is not an error. */
    void unsubscribe(String name) throws StoreException;

    /** The subscribed names, normalized, sorted, without duplicates (for LSUB and LIST (SUBSCRIBED)). */
    List<String> subscriptions() throws StoreException;

    /**
     * The user's quota root with what the user's messages take and the limits (RFC 9208
     * GETQUOTA and GETQUOTAROOT), or empty if the user has no quota. The rules are Dovecot's
     * ({@link QuotaRules#forUser}); the store counts the usage its own way (Maildir++: the
     * {@code maildirsize} file Dovecot reads too) and refuses messages that do not fit with a
     * {@link QuotaException} from {@link Mailbox#append}, {@link Mailbox#deliver} and
     * {@link Mailbox#copy}. A store without quota support returns empty.
     *
     * @since 2.2
     */
    default Optional<Quota> quota() throws StoreException {
        return Optional.empty();
    }

    /**
     * Counts the user's usage again from the messages themselves and stores the result where the
     * store keeps it, as {@code doveadm quota recalc} does (Maildir++: a new {@code maildirsize}
     * file, written as Dovecot writes it): the repair for a usage that drifted (messages removed
     * behind the store's back). The default, for stores without quota support, throws.
     *
     * @return the quota after the recount, or empty if the user has no quota (nothing is stored then)
     * @throws StoreException {@link StoreException.Reason#NOT_ALLOWED} if the store has no quota
     *         to recalculate
     * @since 2.4
     */
    default Optional<Quota> recalculateQuota() throws StoreException {
        throw new StoreException(StoreException.Reason.NOT_ALLOWED, "Quota recalculation is not supported by this mail store");
    }

    /** Closes this session and its handles. Never throws. */
    @Override
    void close();
}
