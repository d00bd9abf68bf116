package io.tegami.api.store.contract;

import java.nio.file.Path;

import io.tegami.api.store.MailStore;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;

/**
 * What the contract tests need from the class that runs them; {@link MailStoreContract}
 * implements it. Each test gets a fresh store over a fresh temporary directory.
 */
public interface StoreFixture {

    /** The store under test. */
    MailStore store();

    /** The temporary directory holding every user's home. Nothing outside a user's home may change. */
    Path base();

    /** A user whose home is {@code base()/home/<name>} (not created yet). */
    User user(String name);

    /** Opens a session for {@code user}; it is closed after the test. */
    MailboxSession session(User user) throws StoreException;

    /** A session for the user {@code alice}. */
    default MailboxSession alice() throws StoreException {
        return session(user("alice"));
    }

    /**
     * Whether a folder can hold messages and child folders at once. Maildir++ can; in mbox a
     * parent is a directory (listed {@code \Noselect}) and only leaves hold mail, so the tests
     * put mail only into leaves there. Override to return false for such a store.
     */
    default boolean foldersHoldMailAndChildren() {
        return true;
    }

    /**
     * Puts a message into a folder the way another program would (Dovecot's LDA, procmail,
     * mutt), behind the store's back.
     *
     * @return false if the store has no such notion (the test is then skipped)
     */
    boolean addExternally(User user, String mailbox, String message) throws Exception;

    /**
     * Damages the folder's index (Maildir's dovecot-uidlist, mbox's X-IMAPbase/X-UID headers)
     * the way a crash or a bad edit could.
     *
     * @return false if the store keeps no index that can be damaged (the test is then skipped)
     */
    boolean damageIndex(User user, String mailbox) throws Exception;
}
