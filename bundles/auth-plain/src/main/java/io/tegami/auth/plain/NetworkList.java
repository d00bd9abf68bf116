package io.tegami.auth.plain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Addresses and CIDR blocks in Postfix's {@code mynetworks} notation ({@code 127.0.0.0/8},
 * {@code [::1]/128}, {@code 192.0.2.1}); other entries (lookup tables, host names) are skipped,
 * since the ban exceptions only need the usual literal networks.
 */
final class NetworkList {

    private record Block(byte[] network, int bits) {
    }

    private final List<Block> blocks;

    private NetworkList(List<Block> blocks) {
        this.blocks = blocks;
    }

    static NetworkList parse(List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : entries) {
            String e = entry.trim();
            int slash = e.indexOf('/');
            String host = slash < 0 ? e : e.substring(0, slash);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.isEmpty() || !(host.indexOf(':') >= 0 || host.matches("[0-9.]+"))) {
                continue; // a table or a name: not a literal network
            }
            try {
                byte[] address = InetAddress.getByName(host).getAddress();
                int bits = slash < 0 ? address.length * 8 : Integer.parseInt(e.substring(slash + 1).trim());
                if (bits >= 0 && bits <= address.length * 8) {
                    blocks.add(new Block(address, bits));
                }
            } catch (UnknownHostException | NumberFormatException ex) {
                // skipped, as an entry this list cannot use
            }
        }
        return new NetworkList(List.copyOf(blocks));
    }

    boolean contains(InetAddress ip) {
        if (ip == null) {
            return false;
        }
        byte[] a = ip.getAddress();
        for (Block b : blocks) {
            if (b.network().length == a.length && matches(a, b.network(), b.bits())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] a, byte[] network, int bits) {
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
