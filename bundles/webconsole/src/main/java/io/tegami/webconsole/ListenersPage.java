package io.tegami.webconsole;

import static io.tegami.webconsole.Html.escape;

import java.util.List;

/**
 * The "Listeners" page's HTML, like {@code postconf -M} with the live state added: name,
 * protocol, address, port, TLS mode, state and its open connections (logged in or not). Every
 * value is escaped.
 */
final class ListenersPage {

    private ListenersPage() {
    }

    /** The page content; {@code rows} null when ConfigAdmin is not running. */
    static String render(List<ListenerRows.Row> rows) {
        StringBuilder out = new StringBuilder(512);
        if (rows == null) {
            return out.append("<p class=\"statline ui-state-error\">Configuration Admin is not running: "
                    + "the listeners cannot be listed</p>\n").toString();
        }
        long up = rows.stream().filter(ListenerRows.Row::up).count();
        out.append("<p class=\"statline\">").append(rows.size()).append(rows.size() == 1 ? " listener, " : " listeners, ")
                .append(up).append(" listening</p>\n")
                .append("<table class=\"nicetable\" id=\"tegami-listeners\">\n<thead><tr><th>Name</th><th>Protocol</th>"
                        + "<th>Address</th><th>Port</th><th>TLS</th><th>State</th><th>Open connections</th></tr></thead>\n"
                        + "<tbody>\n");
        for (ListenerRows.Row r : rows) {
            out.append("<tr class=\"").append(r.up() ? "listener-up" : "listener-down ui-state-error").append("\"><td>")
                    .append(escape(r.name())).append("</td><td>").append(escape(r.protocol())).append("</td><td>")
                    .append(escape(r.address())).append("</td><td>").append(escape(r.port())).append("</td><td>")
                    .append(escape(r.tls())).append("</td><td>").append(escape(r.state())).append("</td><td>")
                    .append(r.sessions()).append("</td></tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }
}
