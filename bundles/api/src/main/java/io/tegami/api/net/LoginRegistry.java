package io.tegami.api.net;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The users logged in over Tegami's listeners: what Dovecot's {@code anvil} knows. Implemented by
 * the {@code net} bundle, which owns the connections; used by protocols that log users in (IMAP,
 * POP3, ManageSieve) and by {@code doveadm who} and {@code doveadm kick}.
 *
 * <p>A protocol registers a session when its login succeeds, before it says so to the client, and
 * closes the returned {@link Login} when the session ends (the registry also drops it when the
 * connection closes, so a forgotten handle cannot leak a slot). Registration enforces Dovecot's
 * {@code mail_max_userip_connections} in one place for every protocol, as Dovecot does: logins
 * are counted per protocol, client IP address and user name, the name compared exactly
 * (case-sensitively), so IMAP and POP3 sessions of one user do not count against each other. A
 * refused login should be answered as Dovecot answers it (IMAP {@code NO [LIMIT] Maximum number
 * of connections from user+IP exceeded (mail_max_userip_connections=10)} then a disconnect, POP3
 * {@code -ERR [IN-USE] } and the same text) and logged as {@code Disconnected: Maximum number
 * ...: user=<alice>, method=PLAIN, rip=..., lip=..., session=<...>}.
 *
 * <p>Protocols stay in charge of their goodbye: {@link #kick} ends a session exactly as when its
 * protocol handler goes away, through {@link ProtocolSession#shutdown()} on the session's own
 * thread, which is what Dovecot's {@code doveadm kick} looks like to a client too (IMAP
 * {@code * BYE Server shutting down.}, POP3 {@code -ERR [SYS/TEMP] Server shutting down.}).
 *
 * <p>All methods are thread-safe and never block on the network.
 */
@ProviderType
public interface LoginRegistry {

    /**
     * Records that {@code user} logged in on {@code connection}, unless that user already has
     * {@code maxPerUserIp} logins of the connection's protocol ({@link ListenerInfo#protocol()})
     * from the connection's remote IP address. Check and registration are one atomic step.
     *
     * @param user the authenticated user's name, as the user directory returned it
     * @param connection the session's connection (from the {@code net} bundle: other
     *        implementations cannot be kicked)
     * @param maxPerUserIp {@code mail_max_userip_connections}; 0 or less for no limit
     * @return the registration, to close when the session ends; empty if the limit is reached,
     *         in which case nothing was recorded
     */
    Optional<Login> register(String user, Connection connection, int maxPerUserIp);

    /** The sessions logged in now, the oldest login first. */
    List<LoginInfo> logins();

    /**
     * Ends the chosen sessions with their protocol's goodbye ({@link ProtocolSession#shutdown()},
     * run on each session's thread; the connection is closed after it). Returns at once; the
     * sessions leave {@link #logins()} as they close.
     *
     * @param which selects the sessions to end
     * @return the sessions told to end
     */
    List<LoginInfo> kick(Predicate<? super LoginInfo> which);

    /** One registered login. Closing it gives the user+IP slot back; closing twice does nothing. */
    @ProviderType
    interface Login extends AutoCloseable {

        /** What was registered. */
        LoginInfo info();

        @Override
        void close();
    }
}
