package io.tegami.api.sasl;

import java.net.InetAddress;
import java.time.Duration;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Slows down password guessing: Dovecot's auth penalty. One service is shared by every protocol,
 * so failures from one address add up whether they came over SMTP, IMAP or POP3.
 *
 * <p>A protocol calls {@link #failure} for every failed login and holds its failure reply for the
 * returned delay (on the session's thread, never on an event loop), and calls {@link #success}
 * after a successful one. The delay grows with each failure from the same address (2, 4, 8, then
 * at most 15 seconds by default) and is forgiven after a quiet spell or a success. It depends on
 * the address only, never on the user name, so that it tells nothing about which users exist.
 * Temporary failures (user directory down) are not reported.
 */
@ConsumerType
public interface AuthPenalty {

    /**
     * Records a failed login from {@code client}.
     *
     * @param client the client's address, or {@code null} when unknown (no penalty is kept then)
     * @return how long to hold the failure reply; {@link Duration#ZERO} for none
     */
    Duration failure(InetAddress client);

    /** Records a successful login from {@code client}: its penalty is forgiven. */
    void success(InetAddress client);

    /**
     * True while {@code client} is banned for too many failed logins (Tegami's
     * {@code tegami_auth_failure_ban_limit} within {@code tegami_auth_failure_ban_time}). A protocol
     * asks before checking a password; a banned client gets the protocol's ordinary failure reply,
     * after the {@link #failure} delay, without its password being checked, so that a guesser
     * learns nothing even when it guesses right. The default bans nobody.
     *
     * @param client the client's address, or {@code null} when unknown (never banned)
     * @since 1.3
     */
    default boolean banned(InetAddress client) {
        return false;
    }
}
