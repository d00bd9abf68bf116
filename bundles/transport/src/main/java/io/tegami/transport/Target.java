package io.tegami.transport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * One server address to try: an MX host (or the nexthop host) with one of its addresses.
 *
 * @param hostName the name the address was found under (the MX host, or the IP text of a literal)
 * @param address the address to connect to
 * @param port the TCP port
 */
record Target(String hostName, InetAddress address, int port) {

    Target {
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(address, "address");
    }

    /** The address as Postfix prints it inside brackets (no {@code /} prefix, IPv6 compressed). */
    String ip() {
        String text = address.getHostAddress();
        if (address instanceof Inet6Address) {
            int scope = text.indexOf('%');
            text = scope < 0 ? text : text.substring(0, scope);
            return compress(text);
        }
        return text;
    }

    /** RFC 5952 text: leading zeros dropped, the longest run of two or more zero groups as {@code ::}. */
    static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            groups[i] = Integer.toHexString(Integer.parseInt(groups[i], 16));
            int j = i;
            while (j < groups.length && groups[j].replace("0", "").isEmpty()) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }

    /** {@code mx.example.org[192.0.2.1]}, as in Postfix's "host ... said:" texts. */
    String name() {
        return hostName + "[" + ip() + "]";
    }

    /** {@code mx.example.org[192.0.2.1]:25}, the log's {@code relay=} field. */
    String relay() {
        return name() + ":" + port;
    }
}
