package io.tegami.shell.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text of {@code tegami:status}: one screen with the listeners, the queue, the mail store and
 * SASL mechanisms in use, and the bundles. Pure formatting of a {@link Data} snapshot, so the
 * layout is tested without a framework.
 */
final class StatusReport {

    /** One configured listener and its open sessions ({@code null}: not known). */
    record ListenerRow(String name, String protocol, String address, String port, String tls, Integer sessions) {
    }

    /** One bundle. */
    record BundleRow(long id, String state, String version, String symbolicName) {
    }

    /**
     * Everything shown.
     *
     * @param queue messages per queue (incoming, active, deferred, hold), or null if the queue is down
     * @param queueError why the queue could not be listed, or null
     * @param storeType the store type for {@code mail_location}; {@code storeBound} whether that store runs
     * @param storeTypes the store types running
     * @param mechanisms the SASL mechanisms registered; {@code configured}: auth_mechanisms
     */
    record Data(List<ListenerRow> listeners, Map<String, Integer> queue, String queueError, String mailLocation,
            String storeType, boolean storeBound, List<String> storeTypes, List<String> mechanisms,
            String configured, List<BundleRow> bundles) {
    }

    private StatusReport() {
    }

    static String render(Data d) {
        StringBuilder out = new StringBuilder();
        out.append("Listeners:\n");
        if (d.listeners().isEmpty()) {
            out.append("  (none configured)\n");
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("name", "protocol", "address", "port", "tls", "sessions"));
            for (ListenerRow l : d.listeners()) {
                rows.add(List.of(l.name(), l.protocol(), l.address(), l.port(), l.tls(),
                        l.sessions() == null ? "-" : l.sessions().toString()));
            }
            table(out, rows, 3, 5);
        }
        out.append("\nQueue:\n");
        if (d.queue() == null) {
            out.append("  ").append(d.queueError() == null ? "the mail queue is not running" : d.queueError()).append('\n');
        } else {
            out.append("  ");
            List<String> parts = new ArrayList<>();
            d.queue().forEach((q, n) -> parts.add(q + " " + n));
            out.append(String.join("  ", parts)).append('\n');
        }
        out.append("\nMail store: ").append(d.storeType()).append(d.storeBound() ? "" : " (NOT RUNNING)")
                .append("  (mail_location = ").append(d.mailLocation()).append(")\n");
        out.append("  stores running: ").append(d.storeTypes().isEmpty() ? "none" : String.join(" ", d.storeTypes()))
                .append('\n');
        out.append("SASL mechanisms: ").append(d.mechanisms().isEmpty() ? "none" : String.join(" ", d.mechanisms()))
                .append("  (auth_mechanisms = ").append(d.configured()).append(")\n");
        out.append("\nBundles:\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("id", "state", "version", "symbolic name"));
        for (BundleRow b : d.bundles()) {
            rows.add(List.of(Long.toString(b.id()), b.state(), b.version(), b.symbolicName()));
        }
        table(out, rows, 0, -1);
        return out.toString();
    }

    /** Left-aligned columns two spaces apart (right-aligned ones as given), indented by two. */
    private static void table(StringBuilder out, List<List<String>> rows, int right1, int right2) {
        int n = rows.get(0).size();
        int[] width = new int[n];
        for (List<String> r : rows) {
            for (int i = 0; i < n; i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < n; i++) {
                String v = r.get(i);
                String pad = " ".repeat(width[i] - v.length());
                boolean right = i == right1 || i == right2;
                line.append(right ? pad + v : i == n - 1 ? v : v + pad);
                if (i < n - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
