package io.tegami.smtp.session;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Who is connected: the client's host name ({@code unknown} when it has none) and IP address.
 *
 * @param name the verified host name or {@code unknown}
 * @param address the IP address in text form ({@code 127.0.0.1}, {@code ::1})
 * @param ipv6 whether the address is IPv6, which Postfix writes as {@code [IPv6:...]} in headers
 */
public record ClientInfo(String name, String address, boolean ipv6) {

    /** Looks the client up; blocks on DNS, so it runs once, on the session's thread. */
    public static ClientInfo of(InetSocketAddress remote, ClientNameResolver resolver) {
        InetAddress ip = remote == null ? null : remote.getAddress();
        if (ip == null) {
            return unresolved(remote);
        }
        String name;
        try {
            name = resolver.nameOf(ip);
        } catch (RuntimeException e) {
            name = ClientNameResolver.UNKNOWN;
        }
        return new ClientInfo(name, ip.getHostAddress(), ip instanceof Inet6Address);
    }

    /** The client before (or without) a name lookup. */
    public static ClientInfo unresolved(InetSocketAddress remote) {
        if (remote == null) {
            return new ClientInfo(ClientNameResolver.UNKNOWN, "unknown", false);
        }
        InetAddress ip = remote.getAddress();
        String address = ip != null ? ip.getHostAddress() : remote.getHostString();
        return new ClientInfo(ClientNameResolver.UNKNOWN, address, ip instanceof Inet6Address);
    }

    /** Postfix's {@code namaddr} for log lines: {@code localhost[127.0.0.1]}. */
    public String nameAndAddress() {
        return name + "[" + address + "]";
    }

    /** The address as a Received: header shows it inside brackets: {@code 127.0.0.1}, {@code IPv6:::1}. */
    public String rfcAddress() {
        return ipv6 ? "IPv6:" + address : address;
    }
}
