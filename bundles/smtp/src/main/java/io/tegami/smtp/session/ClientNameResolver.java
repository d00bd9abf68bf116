package io.tegami.smtp.session;

import java.net.InetAddress;

/**
 * Finds the host name of an SMTP client, once per connection, the way Postfix fills in
 * {@code client_name}: the name a reverse lookup gives, or {@code unknown}.
 */
@FunctionalInterface
public interface ClientNameResolver {

    /** Postfix's placeholder when the client has no (verified) name. */
    String UNKNOWN = "unknown";

    /** The client's verified host name, or {@link #UNKNOWN}. May block on DNS. */
    String nameOf(InetAddress address);
}
