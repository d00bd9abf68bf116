package io.tegami.api.rewrite;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import io.tegami.api.config.MailParameters;

/**
 * Postfix's own_inet_addr(): whether an IP address is one this mail system receives mail on,
 * per {@code inet_interfaces} and {@code proxy_interfaces}. It decides {@code permit_inet_interfaces}
 * in {@code local_header_rewrite_clients} and whether a domain literal such as
 * {@code user@[127.0.0.1]} is local for canonical(5) lookups.
 *
 * <p>{@code all} means every address of this host's network interfaces, {@code loopback-only}
 * {@code 127.0.0.1} and {@code ::1}; other entries are addresses (bracketed or not) or host
 * names, which are resolved (the JVM caches the answers).
 */
public final class InetInterfaces {

    private InetInterfaces() {
    }

    /** True if {@code address} is one of ours; false for null. */
    public static boolean contains(InetAddress address, MailParameters parameters) {
        if (address == null) {
            return false;
        }
        return matches(address, parameters.getList("inet_interfaces"), true)
                || matches(address, parameters.getList("proxy_interfaces"), false);
    }

    /** Parses a literal IP address ({@code 192.0.2.1}, {@code ::1}, {@code [::1]}) without any DNS lookup. */
    public static InetAddress literal(String text) {
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.regionMatches(true, 0, "IPv6:", 0, 5)) {
            s = s.substring(5);
        }
        if (s.isEmpty() || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return null; // a name: InetAddress would look it up in the DNS
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean matches(InetAddress address, List<String> entries, boolean emptyMeansAll) {
        if (entries.isEmpty()) {
            return emptyMeansAll && isLocalInterface(address); // Postfix's default is "all"
        }
        for (String entry : entries) {
            String e = entry.toLowerCase(Locale.ROOT);
            if (e.equals("all")) {
                if (isLocalInterface(address)) {
                    return true;
                }
            } else if (e.equals("loopback-only")) {
                if (address.equals(literal("127.0.0.1")) || address.equals(literal("::1"))) {
                    return true;
                }
            } else if (named(address, entry)) {
                return true;
            }
        }
        return false;
    }

    private static boolean named(InetAddress address, String entry) {
        InetAddress literal = literal(entry);
        if (literal != null) {
            return literal.equals(address);
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(entry)) {
                if (a.equals(address)) {
                    return true;
                }
            }
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }

    private static boolean isLocalInterface(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
