/**
 * Mail stores: per-user mailboxes on disk (Maildir, mbox) or elsewhere.
 *
 * <p>A store is a {@link io.tegami.api.store.MailStore} service with a
 * {@value io.tegami.api.store.MailStore#TYPE} property; the active one is chosen by configuration
 * ({@code mail_location}, a {@code store.target} filter). The model is IMAP's: a user has
 * mailboxes named with a hierarchy delimiter, {@code INBOX} always exists, each mailbox has a
 * UIDVALIDITY and assigns ascending UIDs, and messages carry flags (system flags from
 * {@link io.tegami.api.store.Flags} and keywords).
 *
 * <p>Mailbox names come from clients: a store must reject any name that would leave the user's
 * mail directory ({@code ..}, absolute paths, NUL) with a {@link io.tegami.api.store.StoreException}.
 */
@Export
@Version("1.0.0")
package io.tegami.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
