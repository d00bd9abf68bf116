package io.tegami.users.passwdfile;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Dovecot's {@code allow_nets} value: IP addresses and CIDR ranges separated by commas or spaces,
 * plus {@code local}, which matches a login whose remote address is unknown (a local tool).
 * Entries that are not IP literals are ignored (Dovecot logs them as invalid); host names are
 * never resolved.
 */
final class NetworkList {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private record Range(byte[] network, int bits) {
    }

    private final List<Range> ranges;
    private final boolean local;
    private final List<String> invalid;

    private NetworkList(List<Range> ranges, boolean local, List<String> invalid) {
        this.ranges = ranges;
        this.local = local;
        this.invalid = invalid;
    }

    static NetworkList parse(String value) {
        List<Range> ranges = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        boolean local = false;
        for (String token : value.split("[,\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.equals("local")) {
                local = true;
                continue;
            }
            Range r = range(token);
            if (r == null) {
                invalid.add(token);
            } else {
                ranges.add(r);
            }
        }
        return new NetworkList(List.copyOf(ranges), local, List.copyOf(invalid));
    }

    /** Entries that are neither {@code local} nor an IP range, for the log. */
    List<String> invalid() {
        return invalid;
    }

    /** Whether {@code client} is allowed; a null client (unknown address) only when {@code local} is listed. */
    boolean allows(InetAddress client) {
        if (client == null) {
            return local;
        }
        byte[] address = client.getAddress();
        for (Range r : ranges) {
            if (r.network().length == address.length && matches(address, r.network(), r.bits())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] address, byte[] network, int bits) {
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (network[full] & mask);
    }

    private static Range range(String token) {
        String ip = token;
        String bitsText = null;
        int slash = token.indexOf('/');
        if (slash >= 0) {
            ip = token.substring(0, slash);
            bitsText = token.substring(slash + 1);
        }
        if (ip.startsWith("[") && ip.endsWith("]")) {
            ip = ip.substring(1, ip.length() - 1);
        }
        if (!IP_LITERAL.matcher(ip).matches() || (ip.indexOf('.') < 0 && ip.indexOf(':') < 0)) {
            return null; // not a literal: InetAddress would resolve it as a host name
        }
        byte[] address;
        try {
            address = InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
        int max = address.length * 8;
        int bits = max;
        if (bitsText != null) {
            try {
                bits = Integer.parseInt(bitsText);
            } catch (NumberFormatException e) {
                return null;
            }
            if (bits < 0 || bits > max) {
                return null;
            }
        }
        return new Range(address, bits);
    }
}
