package io.tegami.smtp.session;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Reverse-resolves a client address and, as Postfix does, keeps the name only when it resolves
 * back to the same address: a PTR record alone is under the client's control and could claim any
 * name in our Received: header and logs.
 */
public final class DnsClientNameResolver implements ClientNameResolver {

    @Override
    public String nameOf(InetAddress address) {
        String name = address.getCanonicalHostName();
        // The JDK answers with the literal address when there is no PTR record.
        if (name == null || name.equals(address.getHostAddress())) {
            return UNKNOWN;
        }
        try {
            for (InetAddress forward : InetAddress.getAllByName(name)) {
                if (forward.equals(address)) {
                    return name;
                }
            }
        } catch (UnknownHostException e) {
            // Falls through: a name that does not resolve is not a verified name.
        }
        return UNKNOWN;
    }
}
