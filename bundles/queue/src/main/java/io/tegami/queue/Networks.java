package io.tegami.queue;

import java.net.InetAddress;
import java.util.List;

import io.tegami.api.rewrite.InetInterfaces;

/**
 * A Postfix network list such as {@code mynetworks} ({@code 127.0.0.0/8 [::1]/128 192.0.2.7})
 * matched against an address. Only literal addresses and CIDR blocks count: names, files and
 * tables would need lookups that this check does not make.
 */
final class Networks {

    private Networks() {
    }

    static boolean contains(List<String> entries, InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] a = address.getAddress();
        for (String entry : entries) {
            String e = entry.trim();
            int bits = -1;
            int slash = e.lastIndexOf('/');
            if (slash > 0) {
                try {
                    bits = Integer.parseInt(e.substring(slash + 1));
                } catch (NumberFormatException ignored) {
                    continue;
                }
                e = e.substring(0, slash);
            }
            InetAddress network = InetInterfaces.literal(e);
            if (network == null) {
                continue;
            }
            byte[] n = network.getAddress();
            if (n.length == a.length && prefixMatches(a, n, bits < 0 ? n.length * 8 : Math.min(bits, n.length * 8))) {
                return true;
            }
        }
        return false;
    }

    private static boolean prefixMatches(byte[] a, byte[] net, int bits) {
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != net[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (net[full] & mask);
    }
}
