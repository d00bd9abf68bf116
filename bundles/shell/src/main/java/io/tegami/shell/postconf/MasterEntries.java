package io.tegami.shell.postconf;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Tegami's listeners in master.cf's form, as {@code postconf -M} prints master.cf entries.
 *
 * <p>Each listener is one {@code inet} service: its name in the service column (so
 * {@code postconf -M submission/inet} selects it), private {@code n} as Postfix requires for inet
 * services, unpriv {@code -}, chroot {@code n} (Tegami never chroots), wakeup {@code -}, maxproc
 * the listener's {@code max_connections} ({@code -} when unset: the default, 100; {@code 0}: no
 * limit, as in Postfix), and the Postfix or Dovecot program that serves the protocol. Every key of
 * the listener's configuration file follows as {@code -o key=value}, so an entry maps one to one
 * onto {@code configs/tegami.listener-NAME.cfg}.
 */
public final class MasterEntries {

    /** Postfix's preferred start column of each of the eight fields (postconf_master.c). */
    private static final int[] COLUMN_GOAL = {0, 11, 17, 25, 33, 41, 49, 57};
    private static final int LINE_LIMIT = 80;
    private static final String INDENT = "    ";

    /** Listener keys shown first, in this order; the protocol is the command column. */
    private static final List<String> FIRST = List.of("address", "port", "tls", "idle_timeout", "max_line_length");
    private static final Set<String> NOT_OPTIONS = Set.of("name", "protocol", "max_connections", "objectClass");

    private MasterEntries() {
    }

    /** One entry: the seven fixed fields, then the command and its arguments. */
    record Entry(String service, String type, List<String> fields) {
    }

    /** The entries of the given listener configurations, sorted by service name. */
    static List<Entry> of(Collection<Map<String, Object>> listeners, UnaryOperator<String> valueFilter) {
        List<Entry> entries = new ArrayList<>();
        for (Map<String, Object> l : listeners) {
            String protocol = text(l.get("protocol"));
            if (protocol.isEmpty()) {
                continue; // not a listener the net bundle would start either
            }
            String name = text(l.get("name"));
            name = name.isEmpty() ? protocol : name;
            String maxproc = text(l.get("max_connections"));
            List<String> fields = new ArrayList<>(List.of(name, "inet", "n", "-", "n", "-",
                    maxproc.isEmpty() ? "-" : maxproc, command(protocol)));
            Map<String, String> rest = new TreeMap<>();
            l.forEach((key, value) -> {
                if (!NOT_OPTIONS.contains(key) && !isFrameworkKey(key) && value != null) {
                    rest.put(key, text(value));
                }
            });
            for (String key : FIRST) {
                String value = rest.remove(key);
                if (value != null) {
                    fields.add("-o");
                    fields.add(key + "=" + valueFilter.apply(value));
                }
            }
            rest.forEach((key, value) -> {
                fields.add("-o");
                fields.add(key + "=" + valueFilter.apply(value));
            });
            entries.add(new Entry(name, "inet", fields));
        }
        entries.sort(Comparator.comparing(Entry::service).thenComparing(e -> e.fields().toString()));
        return entries;
    }

    /** The daemon an admin of Postfix or Dovecot knows for a protocol. */
    static String command(String protocol) {
        return switch (protocol) {
            case "smtp" -> "smtpd";
            case "sieve" -> "managesieve";
            default -> protocol;
        };
    }

    /**
     * Formats an entry as Postfix's {@code pcf_print_master_entry} does: fixed fields at their
     * preferred columns with at least one space between them, then the command and arguments;
     * with {@code fold}, each {@code -o name=value} on a line of its own, indented by four.
     */
    static String format(Entry entry, boolean fold) {
        StringBuilder line = new StringBuilder();
        List<String> f = entry.fields();
        int len = 0;
        int field = 0;
        for (; field < COLUMN_GOAL.length && field < f.size(); field++) {
            if (len > 0) {
                do {
                    line.append(' ');
                    len++;
                } while (len < COLUMN_GOAL[field]);
            }
            line.append(f.get(field));
            len += f.get(field).length();
        }
        for (; field < f.size(); field++) {
            String arg = f.get(field);
            String value = null;
            int argLen = arg.length();
            if (arg.equals("-o") && field + 1 < f.size()) {
                value = f.get(field + 1);
                len = LINE_LIMIT; // Postfix breaks before an option with a value
                argLen += value.length() + 1;
            }
            if (len > INDENT.length()) {
                if (!fold || len + 1 + argLen < LINE_LIMIT) {
                    line.append(' ');
                    len++;
                } else {
                    line.append('\n').append(INDENT);
                    len = INDENT.length();
                }
            }
            line.append(arg);
            len += arg.length();
            if (value != null) {
                line.append(' ').append(value);
                field++;
                len = LINE_LIMIT; // and after it
            }
        }
        return line.toString();
    }

    /**
     * Whether an entry matches a {@code service[/type]} pattern.
     *
     * @return null if the pattern is malformed
     */
    static Boolean matches(Entry entry, String pattern) {
        String[] parts = pattern.split("/", -1);
        if (parts.length > 2 || parts[0].isEmpty() || (parts.length == 2 && parts[1].isEmpty())) {
            return null;
        }
        return parts[0].equals(entry.service()) && (parts.length == 1 || parts[1].equals(entry.type()));
    }

    /** The values of every listener's keys, for finding parameters they refer to. */
    static List<String> optionValues(Collection<Map<String, Object>> listeners) {
        List<String> values = new ArrayList<>();
        listeners.forEach(l -> l.values().forEach(v -> values.add(text(v))));
        return values;
    }

    private static boolean isFrameworkKey(String key) {
        return key.startsWith("service.") || key.startsWith("component.") || key.startsWith("felix.")
                || key.endsWith(".target");
    }

    /** ConfigAdmin values may be strings, numbers, arrays or collections. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
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
        return String.valueOf(value).trim();
    }
}
