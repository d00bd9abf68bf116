/**
 * Mail stores: per-user mailboxes on disk (Maildir, mbox) or elsewhere, in IMAP's model.
 *
 * <h2>Services and the choice of store</h2>
 * A store is a {@link io.tegami.api.store.MailStore} service with a
 * {@value io.tegami.api.store.MailStore#TYPE} service property ({@code maildir}, {@code mbox}).
 * Several may be installed at once; the one used for a user is chosen by the prefix of Dovecot's
 * {@code mail_location} ({@code maildir:~/Maildir}, {@code mbox:~/mail:INBOX=/var/mail/%u}), or
 * by the user's userdb {@code mail} field, which overrides it. The store itself reads the rest of
 * the location (paths, {@code %u %n %d %h} variables, {@code INBOX=}, {@code CONTROL=} ...).
 *
 * <h2>The model</h2>
 * <ul>
 * <li>{@link io.tegami.api.store.MailStore#open(io.tegami.api.user.User)} gives a
 * {@link io.tegami.api.store.MailboxSession}: one user's folder tree. Names are hierarchical,
 * separated by {@link io.tegami.api.store.MailboxSession#delimiter()}; {@code INBOX} always exists
 * and is matched without case. Names in this API are Unicode strings; a store encodes them on disk
 * as it must (Dovecot writes IMAP modified UTF-7, see {@link io.tegami.api.store.ModifiedUtf7}); the
 * IMAP layer converts to and from modified UTF-7 on the wire. Names are checked with
 * {@link io.tegami.api.store.MailboxNames#normalize(String, char)}: a name that could leave the
 * user's mail directory is refused with {@link io.tegami.api.store.StoreException.Reason#INVALID_NAME}.
 * The session lists folders with attributes ({@link io.tegami.api.store.MailboxInfo},
 * {@link io.tegami.api.store.MailboxAttributes}), creates, deletes and renames them, and keeps
 * the user's subscriptions.</li>
 * <li>{@link io.tegami.api.store.MailboxSession#open(String, boolean)} gives a
 * {@link io.tegami.api.store.Mailbox} <em>handle</em>: one folder as one client sees it (an IMAP
 * SELECT or EXAMINE, a POP3 session, one delivery). Each folder has a UIDVALIDITY, a UIDNEXT,
 * strictly ascending UIDs never reused under one UIDVALIDITY, a HIGHESTMODSEQ (RFC 7162), and for
 * each message a {@link io.tegami.api.store.MessageInfo}: UID, stored size, RFC822.SIZE,
 * INTERNALDATE, flags ({@link io.tegami.api.store.Flags}: system flags and keywords) and MODSEQ.
 * Sequence numbers are positions: in the list {@link io.tegami.api.store.Mailbox#messages()}
 * returns, message {@code i} (from 0) has sequence number {@code i + 1} at that moment. An IMAP
 * session must still keep its own sequence map, because it may announce expunges only at certain
 * times; it builds the map from one {@code messages()} and then applies the events below.</li>
 * <li>{@code \Recent} is per handle: the first read-write handle that sees a new message (in
 * {@code messages()}, {@code status()} or an event passed to its listeners) gets it with
 * {@link io.tegami.api.store.MessageInfo#recent()} true; every other handle sees it false.
 * Read-only handles see unclaimed messages as recent but claim nothing. {@code \Recent} is never
 * stored and never set by clients.</li>
 * <li>Content is streamed: {@link io.tegami.api.store.Mailbox#append} (and
 * {@link io.tegami.api.store.Mailbox#deliver}, which delivery agents use: it reports no UID, so a
 * store may leave the numbering to the next reader) reads a stream (LF or CRLF line endings),
 * {@link io.tegami.api.store.Mailbox#openMessage(long)} returns one with CRLF line endings, exactly
 * {@link io.tegami.api.store.MessageInfo#rfc822Size()} bytes long, as IMAP and POP3 send it. Nobody
 * holds a whole message in memory.</li>
 * </ul>
 *
 * <h2>Changes and events</h2>
 * Every change made through one handle (append, flags, expunge, copy or move into the folder) is
 * passed to the {@link io.tegami.api.store.MailboxListener}s of every <em>other</em> open handle of
 * the same folder in this JVM (other IMAP sessions, POP3, a delivery): that is what IMAP IDLE and
 * the untagged EXISTS, EXPUNGE and FETCH responses use. The handle that made a change is not told
 * (the method's return value tells its caller). A {@link io.tegami.api.store.Mailbox#deliver
 * delivery} may instead reach them as a change found by the next {@code refresh()}, as one made by
 * another process does. Changes made by another process (Dovecot, mutt, a program dropping files
 * into {@code new/}) are found by {@link io.tegami.api.store.Mailbox#refresh()}
 * (IMAP calls it on NOOP, CHECK and periodically during IDLE) and by {@code messages()}; they are
 * passed to the listeners of <em>all</em> handles of the folder, including the one that found them.
 * Events may overlap a snapshot: a listener added before {@code messages()} may hear of a UID that
 * the snapshot already holds, or of the expunge of a UID it never saw. Consumers ignore additions
 * of UIDs they know and expunges of UIDs they do not know.
 *
 * <h2>Threading</h2>
 * A {@code MailboxSession} and the handles it opened are used by one thread at a time (the
 * protocol session's thread). Different sessions may run at once on different threads, in this
 * JVM and in other processes: a store keeps its folders consistent against all of them (two
 * deliveries, an IMAP expunge and a POP3 session at once never corrupt a folder or lose a
 * message). Listeners are called on the thread that made or found the change, after it is
 * durable, and must return quickly: queue the event and handle it on your own thread; never call
 * back into a store from a listener. {@code MailStore} services are stateless and thread-safe.
 *
 * <h2>Quota</h2>
 * A user's quota follows Dovecot's settings ({@code quota_rule}, {@code quota_grace} ...:
 * {@link io.tegami.api.store.QuotaRules}). A store that supports quota counts the user's usage,
 * reports it with {@link io.tegami.api.store.MailboxSession#quota()}, and refuses an append, a
 * copy or a delivery that does not fit with {@link io.tegami.api.store.QuotaException} (a
 * {@code NO_SPACE} {@link io.tegami.api.store.StoreException}); deliveries get Dovecot's
 * {@code quota_grace}, IMAP does not. Moves within the user's mail change no usage and are not
 * checked, unless they take messages out of a mailbox the rules ignore ({@code Trash:ignore}).
 *
 * <h2>Errors</h2>
 * Operations throw {@link io.tegami.api.store.StoreException} whose
 * {@link io.tegami.api.store.StoreException.Reason reason} tells a protocol how to answer; stores
 * never let an unchecked exception escape for bad input.
 *
 * <h2>Testing a store</h2>
 * The api module's test-jar ({@code io.tegami:api:test-jar:tests}) holds
 * {@code io.tegami.api.store.contract.MailStoreContract}, a JUnit 5 suite every store runs by
 * subclassing it and providing a factory; see its javadoc.
 */
@Export
@Version("2.4.0")
package io.tegami.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
