package io.tegami.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which TLS versions a server accepts, from Postfix's or Dovecot's setting:
 * <ul>
 * <li>Postfix {@code smtpd_tls_protocols} / {@code smtpd_tls_mandatory_protocols}: names separated
 *     by commas, spaces or colons; {@code !name} excludes one, {@code >=name} and {@code <=name}
 *     bound the range, and plain names, when any are given, exclude every name not listed
 *     ({@code tls_protocol_mask()} in Postfix's {@code tls_misc.c});</li>
 * <li>Dovecot {@code ssl_min_protocol}: the lowest version ({@code TLSv1.2}), or {@code ANY} or
 *     {@code LATEST}.</li>
 * </ul>
 * The result only ever contains versions from {@code SSLv3} up; whether the JDK still speaks the
 * old ones is its own business (Java 17 disables TLS 1.0 and 1.1 in {@code java.security}).
 */
final class ProtocolPolicy {

    /** Known versions, oldest first. SSLv2 is known by name only: no JDK speaks it. */
    static final List<String> KNOWN = List.of("SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    /** What Tegami enables when nothing (valid) is configured. */
    static final List<String> DEFAULT = List.of("TLSv1.3", "TLSv1.2");

    private ProtocolPolicy() {
    }

    /**
     * Parses a Postfix protocol list.
     *
     * @return the enabled versions, newest first; an empty list when the rules exclude everything
     * @throws IllegalArgumentException for an unknown protocol name, as Postfix rejects the list
     */
    static List<String> postfix(String value) {
        int floor = 0;
        int ceiling = KNOWN.size() - 1;
        boolean[] excluded = new boolean[KNOWN.size()];
        boolean[] included = new boolean[KNOWN.size()];
        boolean anyIncluded = false;
        for (String token : value.trim().split("[,:\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.startsWith("!")) {
                excluded[index(token.substring(1))] = true;
            } else if (token.startsWith(">=")) {
                floor = Math.max(floor, index(token.substring(2)));
            } else if (token.startsWith("<=")) {
                ceiling = Math.min(ceiling, index(token.substring(2)));
            } else {
                included[index(token)] = true;
                anyIncluded = true;
            }
        }
        List<String> enabled = new ArrayList<>();
        for (int i = KNOWN.size() - 1; i >= 0; i--) {
            if (i >= floor && i <= ceiling && !excluded[i] && (!anyIncluded || included[i])) {
                enabled.add(KNOWN.get(i));
            }
        }
        enabled.remove("SSLv2");
        return List.copyOf(enabled);
    }

    /**
     * Parses Dovecot's {@code ssl_min_protocol}.
     *
     * @return the enabled versions, newest first
     * @throws IllegalArgumentException for an unknown name
     */
    static List<String> dovecotMinimum(String value) {
        String v = value.trim();
        int floor = switch (v.toUpperCase(Locale.ROOT)) {
            case "ANY" -> KNOWN.indexOf("SSLv3");
            case "LATEST" -> KNOWN.size() - 1;
            default -> index(v);
        };
        List<String> enabled = new ArrayList<>();
        for (int i = KNOWN.size() - 1; i >= Math.max(floor, 1); i--) {
            enabled.add(KNOWN.get(i));
        }
        return List.copyOf(enabled);
    }

    /** The versions in both lists, in the order of the first. */
    static List<String> intersect(List<String> a, List<String> b) {
        return a.stream().filter(b::contains).toList();
    }

    private static int index(String name) {
        for (int i = 0; i < KNOWN.size(); i++) {
            if (KNOWN.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown TLS protocol '" + name + "'");
    }
}
