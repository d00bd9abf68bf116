package io.tegami.transport;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * TCP port names as Postfix resolves them without {@code /etc/services}: a number is itself, a
 * name is looked up in {@code known_tcp_ports} ({@code lmtp=24, smtp=25, smtps=submissions=465,
 * submission=587}).
 */
final class PortNames {

    static final String DEFAULT_KNOWN = "lmtp=24, smtp=25, smtps=submissions=465, submission=587";

    private PortNames() {
    }

    /**
     * The port number of {@code service}.
     *
     * @throws IllegalArgumentException for an unknown name or a number out of range
     */
    static int resolve(String service, String knownTcpPorts) {
        String s = service.trim();
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            int port;
            try {
                port = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("bad port number: " + service);
            }
            return port;
        }
        Integer known = table(knownTcpPorts).get(s.toLowerCase(Locale.ROOT));
        if (known == null) {
            throw new IllegalArgumentException("unknown service: " + service + "/tcp");
        }
        return known;
    }

    /** {@code a=b=25, c=26} as name to number; names chained with {@code =} share the number. */
    private static Map<String, Integer> table(String knownTcpPorts) {
        Map<String, Integer> table = new HashMap<>();
        for (String entry : knownTcpPorts.split(",")) {
            String[] parts = entry.trim().split("\\s*=\\s*");
            if (parts.length < 2) {
                continue;
            }
            try {
                int port = Integer.parseInt(parts[parts.length - 1].trim());
                for (int i = 0; i < parts.length - 1; i++) {
                    table.put(parts[i].trim().toLowerCase(Locale.ROOT), port);
                }
            } catch (NumberFormatException e) {
                // a malformed entry: Postfix warns and ignores it
            }
        }
        return table;
    }
}
