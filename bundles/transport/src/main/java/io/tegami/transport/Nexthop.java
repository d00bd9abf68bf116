package io.tegami.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One SMTP destination in Postfix's syntax ({@code relayhost}, or a recipient's domain):
 * {@code domain} and {@code domain:port} look up the domain's MX records;
 * {@code [host]} and {@code [host]:port} connect to the host's addresses without an MX lookup
 * ({@code [192.0.2.1]}, {@code [ipv6:2001:db8::1]:2525}). The port may be a number or a service
 * name ({@code :submission}); without one, {@code smtp_tcp_port} applies.
 *
 * @param destination the destination as written, for logs and {@code smtp_sasl_password_maps}
 * @param host the domain or host name, or the IP address, without brackets
 * @param port the TCP port
 * @param mx true to look up MX records, false for the host's own addresses
 */
record Nexthop(String destination, String host, int port, boolean mx) {

    /**
     * Parses one destination.
     *
     * @param defaultPort the port when none is given
     * @param knownTcpPorts {@code known_tcp_ports}, for port names
     * @throws IllegalArgumentException for a malformed destination
     */
    static Nexthop parse(String destination, int defaultPort, String knownTcpPorts) {
        String d = destination.trim();
        if (d.isEmpty()) {
            throw new IllegalArgumentException("empty destination");
        }
        String host;
        String rest;
        boolean mx;
        if (d.startsWith("[")) {
            int close = d.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in destination " + d);
            }
            host = d.substring(1, close);
            if (host.regionMatches(true, 0, "ipv6:", 0, 5)) {
                host = host.substring(5);
            }
            rest = d.substring(close + 1);
            mx = false;
        } else {
            int colon = d.indexOf(':');
            host = colon < 0 ? d : d.substring(0, colon);
            rest = colon < 0 ? "" : d.substring(colon);
            mx = true;
        }
        int port = defaultPort;
        if (!rest.isEmpty()) {
            if (!rest.startsWith(":") || rest.length() == 1) {
                throw new IllegalArgumentException("bad port in destination " + d);
            }
            port = PortNames.resolve(rest.substring(1), knownTcpPorts);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host in destination " + d);
        }
        return new Nexthop(d, host.toLowerCase(Locale.ROOT), port, mx);
    }

    /**
     * Parses a list of destinations separated by commas or white space, each one a fallback for
     * the one before (Postfix 3.5).
     */
    static List<Nexthop> parseList(String destinations, int defaultPort, String knownTcpPorts) {
        List<Nexthop> list = new ArrayList<>();
        for (String d : destinations.split("[,\\s]+")) {
            if (!d.isEmpty()) {
                list.add(parse(d, defaultPort, knownTcpPorts));
            }
        }
        return list;
    }

    /** The MX destination of a recipient domain on the default port. */
    static Nexthop domain(String domain, int port) {
        return new Nexthop(domain, domain.toLowerCase(Locale.ROOT), port, true);
    }
}
