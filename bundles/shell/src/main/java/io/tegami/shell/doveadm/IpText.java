package io.tegami.shell.doveadm;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * An address as Dovecot's net_ip2addr() writes it: dotted IPv4, IPv6 in the short form of
 * RFC 5952 ({@code ::1}, {@code 2001:db8::5}), where Java would write {@code 0:0:0:0:0:0:0:1}.
 */
final class IpText {

    private IpText() {
    }

    static String of(InetAddress ip) {
        if (ip == null) {
            return "";
        }
        if (!(ip instanceof Inet6Address)) {
            return ip.getHostAddress();
        }
        byte[] b = ip.getAddress();
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        // The longest run of two or more zero words becomes "::" (the first, if several tie).
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8;) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && words[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLength - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(words[i]));
        }
        return s.toString();
    }
}
