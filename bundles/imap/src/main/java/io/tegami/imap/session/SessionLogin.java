package io.tegami.imap.session;

import java.util.Optional;

import io.tegami.api.net.LoginRegistry;
import io.tegami.api.store.MailStore;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;

/**
 * Who is logged in on a session, and how the attempts went: completing a login (Dovecot's
 * {@code mail_max_userip_connections} through the {@link LoginRegistry}, the user's store, the
 * folders made for new users, the login line), the failed attempts the pre-login disconnect line
 * reports, and giving the user's folders and registration back when the session ends. Used under
 * the session's lock.
 */
final class SessionLogin {

    private final ImapSession session;
    private User user;
    private String method;
    private MailboxSession mailboxes;
    /** The store service the folders came from: when it is no longer the bound one, it went away. */
    private MailStore store;
    private int attempts;
    private String triedUser;
    private String triedMethod;
    /** The registration that {@code doveadm who} lists, or null (before login, or no registry). */
    private LoginRegistry.Login registration;
    /** Dovecot's disconnect line for a login refused by the user+IP limit, or null. */
    private String refusedLine;

    SessionLogin(ImapSession session) {
        this.session = session;
    }

    /** The logged-in user, or null. */
    User user() {
        return user;
    }

    /** The method the user logged in with ({@code PLAIN}), or null. */
    String method() {
        return method;
    }

    /** The user's folders, or null before login. */
    MailboxSession mailboxes() {
        return mailboxes;
    }

    /**
     * True if the store the user's folders came from is no longer the one bound for the user: the
     * store bundle stopped or was updated (DS unbinds a service before the store closes its
     * handles, so by the time a session hears {@code closed()} this already tells).
     */
    boolean storeGone() {
        return user != null && session.services().store(user) != store;
    }

    /** A failed attempt, for the disconnect line. */
    void failed(String username, String method) {
        attempts++;
        triedUser = username;
        triedMethod = method;
    }

    /**
     * Opens the authenticated user's mail.
     *
     * @return null on success, else the text of the tagged {@code NO} to fail with
     */
    String complete(User authenticated, String method) {
        ImapServices services = session.services();
        ImapSettings settings = session.settings();
        String ip = session.remoteIp();
        int max = (int) Math.min(Integer.MAX_VALUE, settings.maxUserIpConnections());
        LoginRegistry registry = services.logins();
        // Without the registry (net bundle restarting) the login goes ahead, as Dovecot lets logins
        // in when its anvil cannot be asked.
        Optional<LoginRegistry.Login> slot = registry == null ? Optional.empty()
                : registry.register(authenticated.name(), session.connection(), max);
        if (registry != null && slot.isEmpty()) {
            // Dovecot's imap-login: a tagged NO [LIMIT], then the connection ends (no BYE).
            String reason = "Maximum number of connections from user+IP exceeded (mail_max_userip_connections=" + max + ")";
            refusedLine = "Disconnected: " + reason + ": user=<" + ImapLog.printable(authenticated.name()) + ">, method="
                    + method + ", " + session.connectionFields();
            session.logout();
            return "[LIMIT] " + reason;
        }
        registration = slot.orElse(null);
        MailStore store = services.store(authenticated);
        if (store == null) {
            release();
            ImapLog.warn("imap({}): no mail store of type {} is running", authenticated.name(), services.storeType(authenticated));
            return "[UNAVAILABLE] Temporary failure: mail storage is not available. Try again later.";
        }
        try {
            mailboxes = store.open(authenticated);
        } catch (StoreException | RuntimeException e) {
            release();
            ImapLog.warn("imap({}): cannot open mail: {}", authenticated.name(), e.toString());
            return "[UNAVAILABLE] Temporary failure: cannot open the mailboxes. Try again later.";
        }
        user = authenticated;
        this.method = method;
        this.store = store;
        Autocreate.run(mailboxes, settings);
        ImapLog.login(ImapLog.formatLogin(user.name(), method, ip, session.localIp(), session.connection().isSecure(),
                session.connection().id()));
        return null;
    }

    /**
     * The disconnect line: the user's ({@code Logged out in=... out=...}), or before login
     * Dovecot's {@code imap-login: Disconnected ...} with the attempts.
     */
    void logDisconnect(boolean loggedOut, String endReason, String stats, long seconds) {
        if (user != null) {
            String what = loggedOut ? "Logged out" : "Disconnected: " + endReason;
            ImapLog.user(user.name(), what + " " + stats);
        } else if (refusedLine != null) {
            ImapLog.preLogin(refusedLine);
        } else {
            ImapLog.preLogin(ImapLog.formatPreLoginDisconnect(attempts, seconds, triedUser, triedMethod,
                    session.connectionFields()));
        }
    }

    /** The session is over: the folders are closed and the user+IP slot given back. */
    void end() {
        if (mailboxes != null) {
            mailboxes.close();
            mailboxes = null;
        }
        release();
    }

    private void release() {
        if (registration != null) {
            registration.close();
            registration = null;
        }
    }
}
