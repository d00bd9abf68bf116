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
}
