package io.tegami.pop3.session;

import java.util.Optional;

import io.tegami.api.net.LoginRegistry;
import io.tegami.api.store.MailStore;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.api.store.StoreSelection;
import io.tegami.api.user.User;
import io.tegami.pop3.maildrop.Maildrop;
import io.tegami.pop3.maildrop.MaildropLocks;

/**
 * The end of a successful authentication: the login line, the POP3 session lock, the user's store
 * (chosen as delivery chooses it) and the maildrop snapshot, then {@code +OK Logged in.} and the
 * TRANSACTION state. Before all that, the {@link LoginRegistry} counts the login against Dovecot's
 * {@code mail_max_userip_connections}, as pop3-login does before it starts the mail process. A
 * held lock or the user+IP limit gives Dovecot's {@code -ERR [IN-USE]}, an absent or failing
 * store a temporary error; all end the connection, as in Dovecot.
 */
public final class Login {

    /** Dovecot's MAIL_ERRSTR_CRITICAL_MSG, as a temporary failure. */
    static final String INTERNAL_ERROR =
            "-ERR [SYS/TEMP] Internal error occurred. Refer to server log for more information.";
    /**
     * The user's store service is not bound (its bundle stopped or is being updated): Dovecot's
     * words for an INBOX that cannot be opened, as a temporary failure, so clients retry.
     */
    static final String STORE_UNAVAILABLE = "-ERR [SYS/TEMP] Couldn't open INBOX: Mail storage is not available.";
    static final String IN_USE = "-ERR [IN-USE] Mailbox is locked by another POP3 session.";

    private Login() {
    }

    /** Opens the maildrop of {@code user}, who authenticated with {@code method}. */
    public static void complete(Pop3Session session, User user, String method) {
        int max = session.settings().maxUserIpConnections();
        LoginRegistry registry = session.services().logins();
        // Without the registry (net bundle restarting) the login goes ahead, as Dovecot lets logins
        // in when its anvil cannot be asked.
        Optional<LoginRegistry.Login> slot = registry == null ? Optional.empty()
                : registry.register(user.name(), session.connection(), max);
        if (registry != null && slot.isEmpty()) {
            String reason = "Maximum number of connections from user+IP exceeded (mail_max_userip_connections=" + max + ")";
            session.reply("-ERR [IN-USE] " + reason);
            session.loginRefused("Disconnected: " + reason + ": user=<" + Pop3Log.printable(user.name()) + ">, method="
                    + method + ", " + Pop3Log.connectionFields(session.connection(), false));
            return;
        }
        session.registered(slot.orElse(null));
        Pop3Log.login(Pop3Log.formatLogin(user.name(), method, session.connection()));
        String type = StoreSelection.typeFor(user, session.settings().parameters());
        MaildropLocks.Lock lock = null;
        if (session.settings().lockSession()) {
            Optional<MaildropLocks.Lock> taken = session.services().locks().tryLock(type, user.name(), MailboxSession.INBOX);
            if (taken.isEmpty()) {
                session.reply(IN_USE);
                session.loginAborted(user.name(), "Couldn't lock POP3 session");
                return;
            }
            lock = taken.get();
        }
        MailStore store = session.services().store(type);
        if (store == null) {
            release(lock);
            Pop3Log.userWarn(user.name(), "Error: mail store '" + type + "' is not available");
            session.reply(STORE_UNAVAILABLE);
            session.loginAborted(user.name(), "Couldn't open INBOX");
            return;
        }
        Maildrop drop;
        try {
            drop = Maildrop.open(store, user, lock);
        } catch (StoreException | RuntimeException e) {
            Pop3Log.userWarn(user.name(), "Error: Couldn't open INBOX: " + e.getMessage());
            // A store that went away while opening (stopping) is unavailable, not broken.
            session.reply(session.services().store(type) != store ? STORE_UNAVAILABLE : INTERNAL_ERROR);
            session.loginAborted(user.name(), "Couldn't open INBOX");
            return;
        }
        session.loggedIn(user.name(), drop, type);
        session.reply("+OK Logged in.");
    }

    /** Releases a lock taken before a failure. */
    private static void release(MaildropLocks.Lock lock) {
        if (lock != null) {
            lock.close();
        }
    }
}
