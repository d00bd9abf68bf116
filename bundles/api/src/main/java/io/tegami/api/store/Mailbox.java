package io.tegami.api.store;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A handle on one folder, as one client sees it: an IMAP SELECT or EXAMINE, a POP3 session, one
 * delivery. Opened by {@link MailboxSession#open(String, boolean)}, used by the session's thread,
 * closed when done.
 *
 * <p>UIDs ascend in the order messages were added and are never reused while
 * {@link #uidValidity()} stays the same. Each change bumps the folder's modification sequence
 * (RFC 7162): a message's {@link MessageInfo#modSeq()} is the value of its last change (append,
 * flag change), and {@link #highestModSeq()} is at least every message's and grows on expunge too.
 *
 * <p>Methods taking UIDs ignore UIDs of messages that are not there (expunged meanwhile, or
 * never existing), as IMAP UID commands do; they throw {@link StoreException.Reason#NOT_FOUND} only
 * where a single message is asked for. Changes on a read-only handle throw
 * {@link StoreException.Reason#NOT_ALLOWED}; any call after {@link #close()} or after the folder
 * went away throws {@link StoreException}. See the package documentation for events, {@code \Recent}
 * and threading.
 */
@ConsumerType
public interface Mailbox extends AutoCloseable {

    /** A value of {@code unchangedSince} that sets no condition. */
    long UNCONDITIONALLY = Long.MAX_VALUE;

    /** The folder's normalized name, as {@link MailboxSession#list()} shows it. */
    String name();

    /** Whether this handle was opened read-only. */
    boolean readOnly();

    /** The UIDVALIDITY value (non-zero, 32-bit unsigned); a change tells clients to forget cached UIDs. */
    long uidValidity() throws StoreException;

    /** The UID the next added message will get (32-bit unsigned, greater than every UID present). */
    long uidNext() throws StoreException;

    /** The highest modification sequence of the folder, at least 1 (RFC 7162 HIGHESTMODSEQ). */
    long highestModSeq() throws StoreException;

    /**
     * Adds a message. The content is streamed, with LF or CRLF line endings (the store keeps them
     * its own way); it is durable (fsync'd) when this returns. Handles of other sessions hear
     * {@link MailboxListener#added}.
     *
     * @param content the message, read to its end; the caller closes it
     * @param flags flags to set ({@link Flags} constants and keywords; {@code \Recent} is ignored);
     *        an empty set delivers a new, unseen message
     * @param internalDate the IMAP INTERNALDATE, or null for now
     * @return the new message's UID (for APPENDUID with {@link #uidValidity()})
     * @throws StoreException {@link StoreException.Reason#NO_SPACE} if the disk is full, a
     *         {@link QuotaException} (also {@code NO_SPACE}) if the user's quota is
     */
    long append(InputStream content, Set<String> flags, Instant internalDate) throws StoreException;

    /**
     * Adds a message as a delivery agent does (Postfix's local(8), Dovecot's LDA): like
     * {@link #append}, the message is durable (fsync'd) when this returns, but no UID is reported,
     * so a store may leave the numbering to whoever looks at the folder next. A Maildir store
     * drops the file into {@code new/} without taking the {@code dovecot-uidlist} lock, as Postfix
     * does; the next {@link #messages()}, {@link #refresh()} or Dovecot numbers it. Deliveries to one
     * folder then no longer wait for each other.
     *
     * <p>Handles of other sessions hear {@link MailboxListener#added} for the message at the latest
     * when one of them looks at the folder ({@code messages()}, {@code refresh()}); a store may tell
     * them at once. The default appends, which tells them at once.
     *
     * @param content the message, read to its end; the caller closes it
     * @param flags flags to set (as for {@link #append}); an empty set delivers a new, unseen message
     * @param internalDate the IMAP INTERNALDATE, or null for now
     * @throws StoreException {@link StoreException.Reason#NO_SPACE} if the disk is full, a
     *         {@link QuotaException} (also {@code NO_SPACE}) if the user's quota is
     * @since 2.1
     */
    default void deliver(InputStream content, Set<String> flags, Instant internalDate) throws StoreException {
        append(content, flags, internalDate);
    }

    /**
     * The messages now in the folder in UID order; message {@code i} of the list has sequence
     * number {@code i + 1}. A store may look at the disk first: external changes it finds are
     * also passed to listeners (see the package documentation). Claims {@code \Recent} for a
     * read-write handle.
     */
    List<MessageInfo> messages() throws StoreException;

    /** The messages among {@code uids} that exist, in UID order. */
    default List<MessageInfo> messages(Collection<Long> uids) throws StoreException {
        Set<Long> wanted = new HashSet<>(uids);
        List<MessageInfo> out = new ArrayList<>();
        for (MessageInfo m : messages()) {
            if (wanted.contains(m.uid())) {
                out.add(m);
            }
        }
        return out;
    }

    /** One message, or empty if there is none with that UID. */
    default Optional<MessageInfo> message(long uid) throws StoreException {
        List<MessageInfo> found = messages(List.of(uid));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The counters IMAP STATUS, SELECT and POP3 STAT need. */
    default MailboxStatus status() throws StoreException {
        return MailboxStatus.of(messages(), uidNext(), uidValidity(), highestModSeq());
    }

    /**
     * The keywords defined in this folder (for the IMAP FLAGS and PERMANENTFLAGS responses), in
     * the order the store defined them. A keyword set on a message is defined automatically.
     */
    List<String> keywords() throws StoreException;

    /**
     * Whether a new keyword can still be defined (IMAP's {@code \*} in PERMANENTFLAGS). Maildir
     * has room for 26; keywords beyond a store's limit are dropped silently when set, as Dovecot
     * does.
     */
    default boolean acceptsNewKeywords() throws StoreException {
        return true;
    }

    /**
     * Streams a message with CRLF line endings, exactly {@link MessageInfo#rfc822Size()} bytes.
     * The stream stays readable even if another session expunges the message meanwhile. Close it.
     *
     * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if there is no such message
     */
    InputStream openMessage(long uid) throws StoreException;

    /**
     * Streams the start of a message up to at least the empty line that ends its header, with CRLF
     * line endings: what ENVELOPE, SEARCH on header fields, SORT and THREAD read, again and again.
     * A store may answer from a cache of header sections (as Dovecot's {@code dovecot.index.cache})
     * instead of opening the message; what follows the empty line is unspecified (the default
     * gives the whole message), so callers stop reading there. Close it.
     *
     * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if there is no such message
     * @since 2.3
     */
    default InputStream openHeader(long uid) throws StoreException {
        return openMessage(uid);
    }

    /**
     * A value a protocol derived from a message's content and asked the store to keep
     * ({@link #cacheValue}), as Dovecot keeps {@code imap.envelope} and {@code imap.bodystructure}
     * in {@code dovecot.index.cache}: since content never changes under a UID, neither does such
     * a value. A store may forget values at any time; the default keeps none.
     *
     * @param field what the value is, named by its user ({@code imap.envelope})
     * @return the value (do not modify it), or null if none is kept (or there is no such message)
     * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if there is no such message
     *         and the store noticed
     * @since 2.3
     */
    default byte[] cachedValue(long uid, String field) throws StoreException {
        return null;
    }

    /**
     * {@link #cachedValue} of many messages at once: what a {@code FETCH 1:* (ENVELOPE)} or a
     * {@code SEARCH SUBJECT} of a big folder asks for, for which one lookup per message (each
     * taking the folder's lock) costs more than the answer. The default asks one at a time.
     *
     * @return one element per element of {@code uids}, in the same order: the value kept, or
     *         null (none kept, or no such message)
     * @since 2.4
     */
    default List<byte[]> cachedValues(List<Long> uids, String field) throws StoreException {
        List<byte[]> out = new ArrayList<>(uids.size());
        for (Long uid : uids) {
            byte[] value;
            try {
                value = cachedValue(uid, field);
            } catch (StoreException e) {
                if (e.reason() != StoreException.Reason.NOT_FOUND) {
                    throw e;
                }
                value = null;
            }
            out.add(value);
        }
        return out;
    }

    /**
     * Offers a value derived from message {@code uid}'s content for {@link #cachedValue}; the store
     * may keep it (in memory or on disk) or not. The caller does not modify {@code value} afterwards.
     * Messages that are not there are ignored. The default keeps nothing.
     *
     * @since 2.3
     */
    default void cacheValue(long uid, String field, byte[] value) throws StoreException {
    }

    /**
     * Changes flags (IMAP STORE / UID STORE, with CONDSTORE's UNCHANGEDSINCE). Messages whose
     * flags really change get a new modification sequence, and handles of other sessions hear
     * {@link MailboxListener#flagsChanged}. {@code \Recent} in {@code flags} is ignored.
     *
     * @param uids the messages
     * @param mode replace, add or remove
     * @param flags system flags and keywords
     * @param unchangedSince change only messages whose modification sequence is not above this
     *        (RFC 7162); {@link #UNCONDITIONALLY} for no condition
     * @return the new state of every message changed or left as it was, and the UIDs refused by
     *         the condition
     */
    FlagUpdate updateFlags(Collection<Long> uids, FlagMode mode, Set<String> flags, long unchangedSince)
            throws StoreException;

    /** Replaces the flags of {@code uids}; returns their new state. */
    default List<MessageInfo> setFlags(Collection<Long> uids, Set<String> flags) throws StoreException {
        return updateFlags(uids, FlagMode.REPLACE, flags, UNCONDITIONALLY).updated();
    }

    /** Adds flags to {@code uids}; returns their new state. */
    default List<MessageInfo> addFlags(Collection<Long> uids, Set<String> flags) throws StoreException {
        return updateFlags(uids, FlagMode.ADD, flags, UNCONDITIONALLY).updated();
    }

    /** Removes flags from {@code uids}; returns their new state. */
    default List<MessageInfo> removeFlags(Collection<Long> uids, Set<String> flags) throws StoreException {
        return updateFlags(uids, FlagMode.REMOVE, flags, UNCONDITIONALLY).updated();
    }

    /**
     * Removes every message flagged {@link Flags#DELETED} (IMAP EXPUNGE and CLOSE, POP3 QUIT).
     * Handles of other sessions hear {@link MailboxListener#expunged}.
     *
     * @return the UIDs removed, ascending
     */
    List<Long> expunge() throws StoreException;

    /**
     * Removes the messages among {@code uids} that are flagged {@link Flags#DELETED} (UIDPLUS
     * UID EXPUNGE).
     *
     * @return the UIDs removed, ascending
     */
    List<Long> expunge(Collection<Long> uids) throws StoreException;

    /**
     * Copies messages into another folder (IMAP COPY), keeping flags (but {@code \Recent}) and
     * INTERNALDATE; the copies get new UIDs there in the order of the source UIDs. The target is a
     * handle opened from a session of the same store (it may be this very handle); a store given
     * a handle of another implementation copies through {@link #openMessage} and
     * {@link #append}. The target's other handles hear {@link MailboxListener#added}.
     *
     * @return the target's UIDVALIDITY and the source-to-new UID map, for COPYUID
     * @throws StoreException a {@link QuotaException} if the copies do not fit the user's quota
     *         (within one store nothing is copied then)
     */
    CopyResult copy(Collection<Long> uids, Mailbox target) throws StoreException;

    /**
     * Moves messages into another folder (RFC 6851 MOVE): as {@link #copy}, then the source
     * messages are expunged whatever their flags. The keys of the result are the UIDs expunged
     * here. Stores move files when they can, so that a message is never in neither folder.
     *
     * @throws StoreException {@link StoreException.Reason#NOT_ALLOWED} if this handle is read-only
     */
    CopyResult move(Collection<Long> uids, Mailbox target) throws StoreException;

    /**
     * Looks for changes made by other processes (files added, renamed or removed behind the
     * store's back) and passes them to the listeners of every handle of the folder, this one
     * included. Cheap when nothing changed. A damaged index is rebuilt here (a new UIDVALIDITY,
     * a warning in the log, then {@link MailboxListener#closed()} for open handles), never
     * reported as a failure.
     */
    void refresh() throws StoreException;

    /** Starts passing changes to {@code listener} (see {@link MailboxListener} for which). */
    void addListener(MailboxListener listener);

    /** Stops passing changes to {@code listener}; unknown listeners are ignored. */
    void removeListener(MailboxListener listener);

    /** Closes this handle: its listeners are removed, nothing is written. Never throws. */
    @Override
    void close();
}
