package io.tegami.smtp.restriction;

import java.util.Locale;

/**
 * Postfix's host name and address syntax checks (valid_hostname.c, valid_mailhost_addr.c): the
 * rules behind {@code reject_invalid_helo_hostname}, {@code reject_non_fqdn_*} and the resolver's
 * test of a recipient domain.
 */
final class HostNames {

    private static final int LABEL_LENGTH = 63;
    private static final int NAME_LENGTH = 255;

    private HostNames() {
    }

    /**
     * valid_hostname(): labels of letters, digits, {@code _} and inner hyphens, at most 63 octets
     * each and 255 in all, separated by single dots, not all numeric.
     */
    static boolean validHostname(String name) {
        if (name.isEmpty() || name.length() > NAME_LENGTH) {
            return false;
        }
        int label = 0;
        boolean nonNumeric = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean last = i + 1 == name.length();
            if (isAsciiLetterOrDigit(c) || c == '_') {
                if (++label > LABEL_LENGTH) {
                    return false;
                }
                nonNumeric |= !(c >= '0' && c <= '9');
            } else if (c == '.') {
                if (label == 0 || last) {
                    return false;
                }
                label = 0;
            } else if (c == '-') {
                label++;
                if (label == 1 || last || name.charAt(i + 1) == '.') {
                    return false;
                }
            } else {
                return false;
            }
        }
        return nonNumeric;
    }

    /** valid_hostaddr(): a dotted quad or an IPv6 address (without brackets or prefix). */
    static boolean validHostaddr(String address) {
        if (address.isEmpty()) {
            return false;
        }
        return address.indexOf(':') >= 0 ? validIpv6(address) : validIpv4(address);
    }

    /** valid_ipv4_hostaddr(): four decimal octets, no leading 0 octet except in 0.0.0.0. */
    static boolean validIpv4(String address) {
        boolean inByte = false;
        int count = 0;
        int value = 0;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c >= '0' && c <= '9') {
                if (!inByte) {
                    inByte = true;
                    value = 0;
                    count++;
                }
                value = value * 10 + (c - '0');
                if (value > 255) {
                    return false;
                }
            } else if (c == '.') {
                if (!inByte || i + 1 == address.length()) {
                    return false;
                }
                if (count == 1 && value == 0 && !address.chars().allMatch(ch -> ch == '0' || ch == '.')) {
                    return false;
                }
                inByte = false;
            } else {
                return false;
            }
        }
        return count == 4;
    }

    /** valid_ipv6_hostaddr(): eight hex fields, one {@code ::}, or an IPv4 tail. */
    static boolean validIpv6(String address) {
        int nullField = 0;
        int field = 0;
        int len = 0;
        int i = 0;
        while (true) {
            if (i == address.length()) {
                return field >= 2 && (len != 0 || nullField == field - 1);
            }
            char c = address.charAt(i);
            if (c == '.') {
                return field >= 2 && field <= 6 && validIpv4(address.substring(i - len));
            } else if (c == ':') {
                if (field == 0 && len == 0 && i + 1 < address.length()
                        && isAsciiLetterOrDigit(address.charAt(i + 1))) {
                    return false;
                }
                if (++field > 7) {
                    return false;
                }
                i++;
                len = 0;
                if (i < address.length() && address.charAt(i) == ':') {
                    if (nullField > 0) {
                        return false;
                    }
                    nullField = field;
                }
            } else {
                len = 0;
                while (i + len < address.length() && Character.digit(address.charAt(i + len), 16) >= 0
                        && address.charAt(i + len) < 0x80) {
                    len++;
                }
                if (len == 0 || len > 4) {
                    return false;
                }
                i += len;
            }
        }
    }

    /** valid_mailhost_addr(): {@code IPv6:} followed by an IPv6 address, or a dotted quad. */
    static boolean validMailhostAddr(String address) {
        if (address.regionMatches(true, 0, "IPv6:", 0, 5)) {
            return validIpv6(address.substring(5));
        }
        return validIpv4(address);
    }

    /** valid_hostliteral(): {@code [address]} as valid_mailhost_addr() wants it. */
    static boolean validHostLiteral(String literal) {
        return literal.length() > 2 && literal.startsWith("[") && literal.endsWith("]")
                && validMailhostAddr(literal.substring(1, literal.length() - 1));
    }

    /** dup_if_truncate(): a name ending in one dot (not two) loses it. */
    static String withoutTrailingDot(String name) {
        int n = name.length();
        if (n > 1 && name.charAt(n - 1) == '.' && name.charAt(n - 2) != '.') {
            return name.substring(0, n - 1);
        }
        return name;
    }

    /** The domain of an address (after the last {@code @}), or {@code ""} when it has none. */
    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1);
    }

    /** Lower case without locale surprises. */
    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
