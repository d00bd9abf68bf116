package io.tegami.api.tls;

import javax.net.ssl.SSLContext;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Supplies TLS contexts for servers and clients.
 *
 * <p>Implementations reload their certificate when its files change; callers should ask for the
 * context each time they start a handshake rather than keep one.
 */
@ConsumerType
public interface TlsProvider {

    /** Service property: the provider's name; the default provider is {@code default}. */
    String NAME = "name";

    /** The context for accepting TLS connections, with the server certificate and key. */
    SSLContext serverContext();

    /** The context for outbound TLS connections (SMTP client to a relay), trusting the system CAs. */
    SSLContext clientContext();

    /** Protocols to enable on server engines, for example {@code TLSv1.3, TLSv1.2}. */
    default String[] enabledProtocols() {
        return new String[] {"TLSv1.3", "TLSv1.2"};
    }
}
