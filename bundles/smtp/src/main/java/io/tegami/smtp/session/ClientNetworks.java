package io.tegami.smtp.session;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Postfix network list such as {@code mynetworks} or {@code smtpd_client_event_limit_exceptions}
 * ({@code 127.0.0.0/8 [::1]/128 192.0.2.7}), matched against a client address. Only addresses and
 * CIDR blocks are understood; host names, {@code /file} names and {@code type:table} lookups are
 * skipped (they match nothing), since resolving them here would block on DNS for every client.
 */
public final class ClientNetworks {

    private record Block(byte[] network, int bits) {
    }

    private final List<Block> blocks;

    private ClientNetworks(List<Block> blocks) {
        this.blocks = blocks;
    }

    /**
     * Parsed lists by their entries: every RCPT and message consults mynetworks and friends, and
     * their values change only with the configuration. Bounded; cleared when full.
     */
    private static final Map<List<String>, ClientNetworks> PARSED = new ConcurrentHashMap<>();

    /** Parses a list, entries separated by commas or white space. */
    public static ClientNetworks parse(List<String> entries) {
        ClientNetworks known = PARSED.get(entries);
        if (known != null) {
            return known;
        }
        if (PARSED.size() > 64) {
            PARSED.clear();
        }
        ClientNetworks parsed = parseNew(entries);
        PARSED.put(List.copyOf(entries), parsed);
        return parsed;
    }

    private static ClientNetworks parseNew(List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : entries) {
            Block b = block(entry.trim());
            if (b != null) {
                blocks.add(b);
            }
        }
        return new ClientNetworks(blocks);
    }

    private static Block block(String entry) {
        String host = entry;
        int bits = -1;
        int slash = entry.lastIndexOf('/');
        if (slash > 0) {
            try {
                bits = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            host = entry.substring(0, slash);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        // Only literal addresses: never a name that InetAddress would look up in the DNS.
        if (host.isEmpty() || !(host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
            return null;
        }
        byte[] address;
        try {
            address = InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
        int max = address.length * 8;
        if (bits < 0) {
            bits = max;
        }
        return bits > max ? null : new Block(address, bits);
    }

    /** Whether {@code ip} is in one of the blocks; false for null. */
    public boolean contains(InetAddress ip) {
        if (ip == null) {
            return false;
        }
        byte[] a = ip.getAddress();
        for (Block b : blocks) {
            if (b.network().length == a.length && prefixMatches(a, b.network(), b.bits())) {
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
