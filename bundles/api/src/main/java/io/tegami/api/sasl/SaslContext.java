package io.tegami.api.sasl;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

import io.tegami.api.user.UserDirectory;

/**
 * What a mechanism may know about the authentication it serves. Provided by the protocol.
 */
@ProviderType
public interface SaslContext {

    /** The protocol, lower case: {@code smtp}, {@code imap}, {@code pop3}, {@code sieve}. */
    String protocol();

    /** The client's address, or {@code null} when unknown (a local tool). */
    InetSocketAddress client();

    /** True when TLS protects the connection. */
    boolean isSecure();

    /** The user directory to check credentials against; never {@code null}. */
    UserDirectory users();

    /** This server's name ({@code $myhostname}), for challenges such as CRAM-MD5's. */
    String hostname();

    /** The client's IP address, or {@code null}: what {@link UserDirectory#authenticate(String, char[], InetAddress)} takes. */
    default InetAddress clientAddress() {
        InetSocketAddress client = client();
        return client == null ? null : client.getAddress();
    }

    /**
     * A context from values, for protocols and tests.
     *
     * @param client may be {@code null}
     */
    static SaslContext of(String protocol, InetSocketAddress client, boolean secure, UserDirectory users,
            String hostname) {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(hostname, "hostname");
        return new SaslContext() {
            @Override
            public String protocol() {
                return protocol;
            }

            @Override
            public InetSocketAddress client() {
                return client;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public UserDirectory users() {
                return users;
            }

            @Override
            public String hostname() {
                return hostname;
            }

            @Override
            public String toString() {
                return protocol + " from " + client + (secure ? " (TLS)" : "");
            }
        };
    }
}
