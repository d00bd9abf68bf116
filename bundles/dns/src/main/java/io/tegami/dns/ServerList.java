package io.tegami.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.xbill.DNS.Address;

/**
 * The {@code dns_servers} parameter: resolvers as {@code host[:port]}, separated by commas or
 * white space; an IPv6 address is written bare ({@code ::1}, port 53) or in brackets
 * ({@code [::1]:5353}). Empty means the resolvers of {@code /etc/resolv.conf}.
 */
final class ServerList {

    static final int DNS_PORT = 53;

    private ServerList() {
    }

    /**
     * Parses the parameter value.
     *
     * @return the servers, empty for "use the system's"
     * @throws IllegalArgumentException for an entry that is not {@code host[:port]}
     */
    static List<InetSocketAddress> parse(String value) {
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String entry : value.trim().split("[,\\s]+")) {
            if (!entry.isEmpty()) {
                servers.add(entry(entry));
            }
        }
        return servers;
    }

    private static InetSocketAddress entry(String entry) {
        String host = entry;
        int port = DNS_PORT;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("dns_servers: missing ']' in " + entry);
            }
            host = entry.substring(1, close);
            String rest = entry.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("dns_servers: bad port in " + entry);
                }
                port = port(rest.substring(1), entry);
            }
        } else if (entry.indexOf(':') == entry.lastIndexOf(':') && entry.indexOf(':') > 0) {
            int colon = entry.indexOf(':'); // exactly one colon: host:port (more would be IPv6)
            host = entry.substring(0, colon);
            port = port(entry.substring(colon + 1), entry);
        }
        return new InetSocketAddress(address(host, entry), port);
    }

    private static int port(String text, String entry) {
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("dns_servers: bad port in " + entry);
    }

    /** An IP literal as is; a host name through the system resolver (a resolver needs an address). */
    private static InetAddress address(String host, String entry) {
        try {
            byte[] v4 = Address.toByteArray(host, Address.IPv4);
            byte[] v6 = v4 == null ? Address.toByteArray(host, Address.IPv6) : null;
            if (v4 != null || v6 != null) {
                return InetAddress.getByAddress(v4 != null ? v4 : v6);
            }
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("dns_servers: cannot resolve " + entry, e);
        }
    }
}
