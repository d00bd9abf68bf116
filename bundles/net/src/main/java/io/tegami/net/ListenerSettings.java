package io.tegami.net;

import java.lang.reflect.Array;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import io.tegami.api.net.ListenerInfo;
import io.tegami.api.net.ListenerInfo.TlsMode;

/**
 * One listener's configuration ({@code tegami.listener} factory PID), parsed and checked.
 *
 * @param name the listener's name (defaults to the protocol)
 * @param protocol the protocol served, lower case
 * @param addresses where to bind
 * @param tlsMode how TLS is offered
 * @param idleSeconds reader idle timeout in seconds, 0 for none
 * @param maxLineLength default maximum line length for new connections
 * @param maxConnections live connections allowed at once, 0 for no limit
 * @param options every other key, for the protocol (master.cf {@code -o} style), among them
 *        {@value #RECORD_DEADLINE}
 */
record ListenerSettings(String name, String protocol, List<InetSocketAddress> addresses, TlsMode tlsMode,
        int idleSeconds, int maxLineLength, int maxConnections, Map<String, String> options) {

    static final String NAME = "name";
    static final String PROTOCOL = "protocol";
    static final String ADDRESS = "address";
    static final String PORT = "port";
    static final String TLS = "tls";
    static final String IDLE_TIMEOUT = "idle_timeout";
    static final String MAX_LINE_LENGTH = "max_line_length";
    static final String MAX_CONNECTIONS = "max_connections";
    /**
     * The longest one input line may take to arrive, from its first byte to its end (slowloris
     * defence); a time with Postfix's units, 0 (the default) for no limit. An option rather than a
     * field, so that protocols see it too.
     */
    static final String RECORD_DEADLINE = "record_deadline";

    private static final Set<String> KNOWN =
            Set.of(NAME, PROTOCOL, ADDRESS, PORT, TLS, IDLE_TIMEOUT, MAX_LINE_LENGTH, MAX_CONNECTIONS);

    ListenerSettings {
        addresses = List.copyOf(addresses);
        options = Map.copyOf(options);
    }

    /** The {@value #RECORD_DEADLINE} option in seconds, 0 for none. */
    int recordDeadlineSeconds() {
        return Math.max(0, seconds(options.getOrDefault(RECORD_DEADLINE, "0"), name));
    }

    /** What sessions may know about this listener. */
    ListenerInfo info() {
        return new ListenerInfo(name, protocol, tlsMode, options);
    }

    /** True if switching to {@code other} needs the server sockets bound again. */
    boolean needsRebind(ListenerSettings other) {
        return !addresses.equals(other.addresses) || !protocol.equals(other.protocol);
    }

    /** Parses a configuration dictionary; without an {@code address}, binds loopback. */
    static ListenerSettings parse(Map<String, ?> props) {
        return parse(props, protocol -> BindDefaults.FALLBACK);
    }

    /**
     * Parses a configuration dictionary.
     *
     * @param defaultAddress the addresses for a protocol when {@code address} is not set
     *        ({@link BindDefaults}: main.cf {@code listen} or {@code inet_interfaces})
     * @throws IllegalArgumentException with a message for the admin when a value is wrong
     */
    static ListenerSettings parse(Map<String, ?> props, Function<String, String> defaultAddress) {
        String protocol = string(props, PROTOCOL, "").toLowerCase(Locale.ROOT);
        if (protocol.isEmpty()) {
            throw new IllegalArgumentException("listener: 'protocol' is required");
        }
        String name = string(props, NAME, protocol);
        int port = integer(props, PORT, -1);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("listener " + name + ": 'port' must be 0-65535");
        }
        String address = string(props, ADDRESS, "");
        List<InetSocketAddress> addresses = addresses(address.isEmpty() ? defaultAddress.apply(protocol) : address, port, name);
        TlsMode tls = tlsMode(string(props, TLS, "none"), name);
        int idle = seconds(string(props, IDLE_TIMEOUT, "300"), name);
        int maxLine = integer(props, MAX_LINE_LENGTH, 2048);
        if (maxLine < 1) {
            throw new IllegalArgumentException("listener " + name + ": 'max_line_length' must be positive");
        }
        int maxConnections = Math.max(0, integer(props, MAX_CONNECTIONS, 100));
        ListenerSettings parsed = new ListenerSettings(name, protocol, addresses, tls, idle, maxLine, maxConnections,
                options(props));
        parsed.recordDeadlineSeconds(); // a bad value is the admin's error now, not at the first connection
        return parsed;
    }

    private static Map<String, String> options(Map<String, ?> props) {
        Map<String, String> options = new TreeMap<>();
        props.forEach((key, value) -> {
            if (!KNOWN.contains(key) && !isFrameworkKey(key) && value != null) {
                options.put(key, text(value));
            }
        });
        return options;
    }

    /** Keys that ConfigAdmin, DS and FileInstall add: not the admin's options. */
    private static boolean isFrameworkKey(String key) {
        return key.startsWith("service.") || key.startsWith("component.") || key.startsWith("felix.")
                || key.endsWith(".target") || key.equals("objectClass");
    }

    private static List<InetSocketAddress> addresses(String spec, int port, String name) {
        List<InetSocketAddress> result = new ArrayList<>();
        for (String host : spec.trim().split("[,\\s]+")) {
            if (host.isEmpty()) {
                continue;
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.equals("*") || host.equals("all") || host.equals("::")) {
                // The wildcard: every interface, v4 and v6. Java's one socket takes both, so
                // Dovecot's "*, ::" (one socket per family) is a single bind here.
                InetSocketAddress any = new InetSocketAddress(port);
                if (!result.contains(any)) {
                    result.add(any);
                }
                continue;
            }
            try {
                InetSocketAddress a = new InetSocketAddress(InetAddress.getByName(host), port);
                if (!result.contains(a)) {
                    result.add(a);
                }
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("listener " + name + ": unknown address '" + host + "'", e);
            }
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("listener " + name + ": 'address' is empty");
        }
        return result;
    }

    private static TlsMode tlsMode(String value, String name) {
        try {
            return TlsMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "listener " + name + ": 'tls' must be none, starttls or implicit, not '" + value + "'", e);
        }
    }

    /** Seconds, or a number with Postfix's time unit s, m, h or d. */
    static int seconds(String value, String name) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        int unit = 1;
        if (!v.isEmpty() && "smhd".indexOf(v.charAt(v.length() - 1)) >= 0) {
            unit = switch (v.charAt(v.length() - 1)) {
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86400;
                default -> 1;
            };
            v = v.substring(0, v.length() - 1);
        }
        try {
            return Math.toIntExact(Math.multiplyExact(Long.parseLong(v.trim()), unit));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("listener " + name + ": bad time '" + value + "'", e);
        }
    }

    private static String string(Map<String, ?> props, String key, String fallback) {
        Object v = props.get(key);
        String s = v == null ? "" : text(v).trim();
        return s.isEmpty() ? fallback : s;
    }

    private static int integer(Map<String, ?> props, String key, int fallback) {
        String s = string(props, key, "");
        if (s.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("listener: '" + key + "' is not a number: " + s, e);
        }
    }

    /** ConfigAdmin values may be strings, numbers, arrays or collections. */
    private static String text(Object value) {
        if (value.getClass().isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                parts.add(String.valueOf(Array.get(value, i)));
            }
            return String.join(", ", parts);
        }
        if (value instanceof Collection<?> c) {
            return String.join(", ", c.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
