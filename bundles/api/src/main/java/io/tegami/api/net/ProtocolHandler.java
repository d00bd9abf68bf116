package io.tegami.api.net;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A network protocol served by Tegami, registered as an OSGi service.
 *
 * <p>Register it with the service property {@value #PROTOCOL} (for example {@code protocol=smtp}).
 * Listeners select their handler with a target filter such as {@code (protocol=smtp)}; they bind
 * their port when a matching handler appears and close it, ending live sessions through
 * {@link ProtocolSession#shutdown()}, when it goes away.
 */
@ConsumerType
public interface ProtocolHandler {

    /** Service property: the protocol name, lower case ({@code smtp}, {@code imap}, {@code pop3}...). */
    String PROTOCOL = "protocol";

    /** Service property: default ports for the protocol, informational ({@code 25,587,465}). */
    String DEFAULT_PORTS = "default.ports";

    /**
     * Creates the state for one new connection. Called once per accepted connection, before any
     * input arrives; {@link ProtocolSession#start()} follows (after the handshake on implicit TLS).
     *
     * @param connection the connection the session reads from and writes to
     * @return the session; never {@code null}
     */
    ProtocolSession newSession(Connection connection);

    /**
     * The listener is full (its {@code max_connections} are open) and refuses this connection:
     * write the protocol's "too busy" reply (SMTP {@code 421 4.3.2 All server ports are busy},
     * Postfix's postscreen wording). Called instead of {@link #newSession}, on a thread that may
     * block, before any input; no session exists and none will. The {@code net} bundle closes the
     * connection once the reply has left; connections on implicit TLS listeners are closed
     * without a call, since a handshake is what an overloaded listener must not spend time on.
     * The default writes nothing.
     *
     * @param connection the refused connection; only writing to it is useful
     * @since 1.1
     */
    default void refuse(Connection connection) {
    }
}
