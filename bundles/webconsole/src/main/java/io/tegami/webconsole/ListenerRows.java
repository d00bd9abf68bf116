package io.tegami.webconsole;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of each configured listener, put together from what the framework knows: the
 * {@code tegami.listener} configurations (ConfigAdmin), the state of the {@code net} bundle's
 * listener component for each (Declarative Services runtime), the protocol handlers registered
 * now, and what the net bundle publishes of each active listener
 * ({@link io.tegami.api.net.ListenerStatus}: open connections, bound addresses). The listener
 * binds its port only while a handler of its protocol exists, so "listening" means an active
 * component, a handler, and a bound port.
 */
final class ListenerRows {

    /** DS's component configuration states (ComponentConfigurationDTO), copied to keep this class plain. */
    static final int UNSATISFIED_CONFIGURATION = 1;
    static final int UNSATISFIED_REFERENCE = 2;
    static final int SATISFIED = 4;
    static final int ACTIVE = 8;
    static final int FAILED_ACTIVATION = 16;

    /** A listener component's state: a DS state constant and its failure, if any. */
    record ComponentState(int state, String failure) {
    }

    /** What the net bundle says of an active listener: its open connections, and whether its port is bound. */
    record Live(int openSessions, boolean accepting) {
    }

    /** One row of the page. */
    record Row(String name, String protocol, String address, String port, String tls, String state, boolean up,
            long sessions) {
    }

    private ListenerRows() {
    }

    /**
     * The rows, sorted by port then name.
     *
     * @param configs each listener configuration's properties (with {@code service.pid})
     * @param states the listener components by configuration PID; a PID missing has no component
     *        (the net bundle is stopped)
     * @param protocols the protocols of the handlers registered now
     * @param live what the net bundle publishes, by listener name
     */
    static List<Row> rows(List<Map<String, Object>> configs, Map<String, ComponentState> states, Set<String> protocols,
            Map<String, Live> live) {
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> c : configs) {
            String protocol = string(c, "protocol", "");
            String name = string(c, "name", protocol);
            String address = string(c, "address", "");
            ComponentState s = states.get(string(c, "service.pid", ""));
            Live l = live.get(name);
            boolean up = s != null && s.state() == ACTIVE && protocols.contains(protocol);
            String state = describe(s, protocol, protocols);
            if (up && l != null && !l.accepting()) {
                up = false;
                state = "port closed: not accepting (the port could not be bound, or postfix stop is draining)";
            }
            rows.add(new Row(name, protocol, address.isEmpty() ? "(main.cf default)" : address, string(c, "port", ""),
                    string(c, "tls", "none"), state, up, l == null ? 0 : l.openSessions()));
        }
        rows.sort(Comparator.comparing((Row r) -> portNumber(r.port())).thenComparing(Row::name));
        return rows;
    }

    /** What an admin needs to know about a listener's state, in words. */
    static String describe(ComponentState s, String protocol, Set<String> protocols) {
        if (s == null) {
            return "stopped (no listener component: is the net bundle started?)";
        }
        return switch (s.state()) {
            case ACTIVE -> protocols.contains(protocol) ? "listening"
                    : "port closed: no " + (protocol.isEmpty() ? "protocol" : protocol) + " handler (is its bundle started?)";
            case SATISFIED -> "starting";
            case UNSATISFIED_REFERENCE -> "waiting for the services it needs";
            case UNSATISFIED_CONFIGURATION -> "waiting for its configuration";
            case FAILED_ACTIVATION -> "failed: " + (s.failure() == null ? "activation failed" : firstLine(s.failure()));
            default -> "state " + s.state();
        };
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static int portNumber(String port) {
        try {
            return Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String string(Map<String, Object> props, String key, String fallback) {
        Object v = props.get(key);
        if (v instanceof String[] a) {
            return String.join(",", a);
        }
        if (v instanceof Iterable<?> i) {
            return String.join(",", java.util.stream.StreamSupport.stream(i.spliterator(), false).map(String::valueOf).toList());
        }
        return v == null ? fallback : v.toString().trim();
    }
}
