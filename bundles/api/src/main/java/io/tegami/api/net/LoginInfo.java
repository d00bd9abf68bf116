package io.tegami.api.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * One logged-in session, as {@link LoginRegistry#logins()} lists it and {@code doveadm who} shows
 * it.
 *
 * @param user the user name as the user directory returned it (the name logged, counted and
 *        matched, compared case-sensitively)
 * @param protocol the listener's protocol ({@code imap}, {@code pop3}...): Dovecot's service name
 * @param listener the listener's name ({@code imap}, {@code imaps}...)
 * @param sessionId the connection's id ({@link Connection#id()}), the {@code session=<...>} of the
 *        log lines; {@code doveadm who} shows it where Dovecot shows process ids
 * @param remote the client's address
 * @param local the address the client connected to
 * @param since when the user logged in
 */
public record LoginInfo(String user, String protocol, String listener, String sessionId, InetSocketAddress remote,
        InetSocketAddress local, Instant since) {

    public LoginInfo {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(since, "since");
    }

    /** The client's IP address, or null if the connection has none (an in-memory test connection). */
    public InetAddress remoteIp() {
        return remote.getAddress();
    }

    /** The local IP address, or null. */
    public InetAddress localIp() {
        return local.getAddress();
    }
}
