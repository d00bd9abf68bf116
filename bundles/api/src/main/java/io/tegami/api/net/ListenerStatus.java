package io.tegami.api.net;

import java.net.InetSocketAddress;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The live state of one listener, registered as a service by the {@code net} bundle for every
 * configured listener while it is active (with its name in the {@value #NAME} service property),
 * for {@code tegami:status}, the web console and monitoring. All methods are thread-safe and
 * answer from memory, never blocking on the network.
 *
 * @since 1.3
 */
@ProviderType
public interface ListenerStatus {

    /** Service property: the listener's name ({@link ListenerInfo#name()}). */
    String NAME = "listener.name";

    /** The listener's name, protocol, TLS mode and options as configured now. */
    ListenerInfo info();

    /**
     * The addresses the listener accepts connections on, with the real port when 0 was
     * configured; empty while it does not accept (no protocol handler, the port could not be
     * bound, or {@code postfix stop} is draining it).
     */
    List<InetSocketAddress> boundAddresses();

    /** The connections open now, logged in or not, including ones being refused or closing. */
    int openSessions();
}
