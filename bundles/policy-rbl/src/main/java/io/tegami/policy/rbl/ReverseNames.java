package io.tegami.policy.rbl;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;

/**
 * The names DNS lists are asked: a client address reversed ({@code 2.0.0.127} for 127.0.0.2,
 * 32 reversed hex nibbles for IPv6, as Postfix's find_dnsxl_addr() writes them), and a domain
 * for the right-hand-side lists, which Postfix's find_dnsxl_domain() skips when it cannot be a
 * host name (an address literal, a bad name, a numeric last label).
 */
final class ReverseNames {

    private ReverseNames() {
    }

    /** {@code d.c.b.a} or the IPv6 nibbles, without the list's domain. */
    static String reversed(InetAddress address) {
        byte[] bytes = address.getAddress();
        StringBuilder sb = new StringBuilder();
        if (address instanceof Inet4Address) {
            for (int i = bytes.length - 1; i >= 0; i--) {
                sb.append(bytes[i] & 0xff);
                if (i > 0) {
                    sb.append('.');
                }
            }
            return sb.toString();
        }
        for (int i = bytes.length - 1; i >= 0; i--) {
            int b = bytes[i] & 0xff;
            sb.append(Integer.toHexString(b & 0xf)).append('.').append(Integer.toHexString(b >> 4));
            if (i > 0) {
                sb.append('.');
            }
        }
        return sb.toString();
    }

    /**
     * The domain to look up for {@code what} (an address's domain, or a host name), lower case,
     * or {@code null} when Postfix would not ask.
     */
    static String domainOf(String what) {
        if (what == null) {
            return null;
        }
        int at = what.lastIndexOf('@');
        String domain = at >= 0 ? what.substring(at + 1) : what;
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (domain.isEmpty() || domain.startsWith("[") || !validHostname(domain)) {
            return null;
        }
        // Some lists refuse "IP queries": skip names whose last label is all digits.
        String last = domain.substring(domain.lastIndexOf('.') + 1);
        if (last.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return domain.toLowerCase(Locale.ROOT);
    }

    /** Postfix's valid_hostname(): labels of letters, digits and inner hyphens (or _), 255 octets at most. */
    static boolean validHostname(String name) {
        if (name.length() > 255) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
                    return false;
                }
            }
        }
        return true;
    }
}
