package io.tegami.dns;

import java.util.List;
import java.util.Locale;

/**
 * Which address families {@code inet_protocols} allows: {@code ipv4}, {@code ipv6},
 * {@code all} (both), or a list of them. An unknown or empty value means both, as {@code all}.
 *
 * @param ipv4 A records are wanted
 * @param ipv6 AAAA records are wanted
 */
record Protocols(boolean ipv4, boolean ipv6) {

    static final Protocols ALL = new Protocols(true, true);

    static Protocols parse(List<String> values) {
        boolean v4 = false;
        boolean v6 = false;
        for (String v : values) {
            switch (v.toLowerCase(Locale.ROOT)) {
                case "all" -> {
                    v4 = true;
                    v6 = true;
                }
                case "ipv4" -> v4 = true;
                case "ipv6" -> v6 = true;
                default -> {
                    // Postfix refuses to start on an unknown protocol; here it is ignored
                }
            }
        }
        return v4 || v6 ? new Protocols(v4, v6) : ALL;
    }
}
