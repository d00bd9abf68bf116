package io.tegami.shell.doveadm;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import io.tegami.api.net.LoginInfo;

/**
 * The masks of {@code doveadm who} and {@code doveadm kick}: at most one user mask (wildcards
 * {@code *} and {@code ?}, case-insensitive, as Dovecot's wildcard_match_icase) and at most one
 * {@code ip[/bits]}; a login must match both. An argument that is not a literal address with a
 * valid prefix length is a user mask, as in Dovecot.
 */
final class WhoFilter {

    private final String userMask;
    private final byte[] network;
    private final int bits;

    private WhoFilter(String userMask, byte[] network, int bits) {
        this.userMask = userMask;
        this.network = network;
        this.bits = bits;
    }

    /** @throws DoveadmException with Dovecot's message for two masks of a kind */
    static WhoFilter parse(List<String> masks) {
        String user = null;
        byte[] net = null;
        int bits = 0;
        for (String mask : masks) {
            Object[] range = range(mask);
            if (range != null) {
                if (net != null) {
                    throw DoveadmException.usage("Error: Multiple network masks not supported");
                }
                net = (byte[]) range[0];
                bits = (Integer) range[1];
            } else {
                if (user != null) {
                    throw DoveadmException.usage("Error: Multiple username masks not supported");
                }
                user = mask;
            }
        }
        return new WhoFilter(user, net, bits);
    }

    /** Dovecot's net_parse_range(): {@code {address bytes, bits}}, or null if {@code mask} is not one. */
    private static Object[] range(String mask) {
        int slash = mask.indexOf('/');
        String host = slash < 0 ? mask : mask.substring(0, slash);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean literal = host.indexOf(':') >= 0 || (!host.isEmpty() && host.matches("[0-9.]+"));
        if (!literal) {
            return null; // never a DNS lookup for a user name
        }
        byte[] address;
        try {
            address = InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
        int max = address.length * 8;
        int b = max;
        if (slash >= 0) {
            try {
                b = Integer.parseInt(mask.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (b < 0 || b > max) {
                return null;
            }
        }
        return new Object[] {address, b};
    }

    boolean matches(LoginInfo login) {
        if (userMask != null && !wildcardMatch(login.user().toLowerCase(Locale.ROOT), userMask.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return network == null || bits == 0 || inNetwork(login.remoteIp());
    }

    private boolean inNetwork(InetAddress ip) {
        if (ip == null) {
            return false;
        }
        byte[] a = ip.getAddress();
        if (a.length != network.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        int mask = (0xff << (8 - rest)) & 0xff;
        return rest == 0 || (a[full] & mask) == (network[full] & mask);
    }

    /** {@code *} matches any run, {@code ?} one character. */
    static boolean wildcardMatch(String text, String pattern) {
        int t = 0;
        int p = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                t++;
                p++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
