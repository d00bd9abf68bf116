package io.tegami.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tegami.webconsole.ListenerRows.ComponentState;
import io.tegami.webconsole.ListenerRows.Live;
import io.tegami.webconsole.ListenerRows.Row;

class ListenerRowsTest {

    private static Map<String, Object> config(String pid, String name, String protocol, String address, Object port, String tls) {
        return address == null
                ? Map.of("service.pid", pid, "name", name, "protocol", protocol, "port", port, "tls", tls)
                : Map.of("service.pid", pid, "name", name, "protocol", protocol, "address", address, "port", port, "tls", tls);
    }

    @Test
    void statesCombineTheComponentAndTheHandlers() {
        List<Map<String, Object>> configs = List.of(
                config("l.smtp", "smtp", "smtp", "127.0.0.1", 2525, "starttls"),
                config("l.imap", "imap", "imap", null, "2143", "starttls"),
                config("l.pop3", "pop3", "pop3", "127.0.0.1", 2110, "none"),
                config("l.sieve", "sieve", "sieve", "127.0.0.1", 24190, "none"),
                config("l.smtps", "smtps", "smtp", "127.0.0.1", 2465, "implicit"));
        Map<String, ComponentState> states = Map.of(
                "l.smtp", new ComponentState(ListenerRows.ACTIVE, null),
                "l.imap", new ComponentState(ListenerRows.ACTIVE, null),
                "l.pop3", new ComponentState(ListenerRows.FAILED_ACTIVATION, "listener pop3: bad time 'x'\n\tat ..."),
                "l.smtps", new ComponentState(ListenerRows.UNSATISFIED_REFERENCE, null),
                "l.sub", new ComponentState(ListenerRows.ACTIVE, null));
        // What the net bundle publishes: open connections (logged in or not), and a bound port.
        Map<String, Live> live = Map.of("smtp", new Live(4, true), "imap", new Live(2, false),
                "submission", new Live(1, false));
        List<Map<String, Object>> all = new java.util.ArrayList<>(configs);
        all.add(config("l.sub", "submission", "smtp", "127.0.0.1", 2587, "starttls"));
        List<Row> rows = ListenerRows.rows(all, states, Set.of("smtp"), live);
        assertEquals(List.of(
                new Row("pop3", "pop3", "127.0.0.1", "2110", "none", "failed: listener pop3: bad time 'x'", false, 0),
                new Row("imap", "imap", "(main.cf default)", "2143", "starttls",
                        "port closed: no imap handler (is its bundle started?)", false, 2),
                new Row("smtps", "smtp", "127.0.0.1", "2465", "implicit", "waiting for the services it needs", false, 0),
                new Row("smtp", "smtp", "127.0.0.1", "2525", "starttls", "listening", true, 4),
                new Row("submission", "smtp", "127.0.0.1", "2587", "starttls",
                        "port closed: not accepting (the port could not be bound, or postfix stop is draining)", false, 1),
                new Row("sieve", "sieve", "127.0.0.1", "24190", "none",
                        "stopped (no listener component: is the net bundle started?)", false, 0)), rows);
    }

    @Test
    void theNameDefaultsToTheProtocol() {
        Row r = ListenerRows.rows(List.of(Map.of("service.pid", "p", "protocol", "imap", "port", 1)), Map.of(), Set.of(), Map.of())
                .get(0);
        assertEquals("imap", r.name());
        assertEquals("none", r.tls());
    }

    @Test
    void thePageEscapesAndCounts() {
        Row evil = new Row("<b>x</b>", "smtp", "127.0.0.1", "25", "none", "failed: <script>", false, 0);
        Row up = new Row("smtp", "smtp", "127.0.0.1", "2525", "none", "listening", true, 3);
        String html = ListenersPage.render(List.of(evil, up));
        assertFalse(html.contains("<b>") || html.contains("<script>"), html);
        assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;"), html);
        assertTrue(html.contains("2 listeners, 1 listening"), html);
        assertTrue(html.contains("<tr class=\"listener-up\"><td>smtp</td><td>smtp</td><td>127.0.0.1</td><td>2525</td>"
                + "<td>none</td><td>listening</td><td>3</td></tr>"), html);
        assertTrue(ListenersPage.render(null).contains("Configuration Admin is not running"));
    }
}
