package io.tegami.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.net.ListenerInfo.TlsMode;

class ListenerSettingsTest {

    @Test
    void defaults() {
        ListenerSettings s = ListenerSettings.parse(Map.of("protocol", "SMTP", "port", "2525"));
        assertEquals("smtp", s.protocol());
        assertEquals("smtp", s.name());
        assertEquals(List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 2525)), s.addresses());
        assertEquals(TlsMode.NONE, s.tlsMode());
        assertEquals(300, s.idleSeconds());
        assertEquals(2048, s.maxLineLength());
        assertEquals(100, s.maxConnections());
        assertEquals(Map.of(), s.options());
    }

    @Test
    void everyUnknownKeyIsAnOptionButFrameworkKeysAreNot() {
        Map<String, Object> props = new java.util.HashMap<>();
        props.putAll(Map.of("protocol", "smtp", "name", "submission", "port", 2587, "tls", "STARTTLS",
                "address", "127.0.0.1, [::1]", "idle_timeout", "5m", "max_connections", "7"));
        props.putAll(Map.of("smtpd_tls_security_level", "encrypt", "smtpd_sasl_auth_enable", "yes",
                "service.pid", "tegami.listener.abc", "felix.fileinstall.filename", "file:/x.cfg"));
        ListenerSettings s = ListenerSettings.parse(props);
        assertEquals("submission", s.name());
        assertEquals(TlsMode.STARTTLS, s.tlsMode());
        assertEquals(2, s.addresses().size());
        assertEquals(2587, s.addresses().get(1).getPort());
        assertEquals(300, s.idleSeconds());
        assertEquals(7, s.maxConnections());
        assertEquals(Map.of("smtpd_tls_security_level", "encrypt", "smtpd_sasl_auth_enable", "yes"), s.options());
        assertEquals("encrypt", s.info().option("smtpd_tls_security_level", "may"));
    }

    @Test
    void withoutAnAddressTheProtocolsDefaultIsUsedAndWildcardsBindOnce() {
        ListenerSettings s = ListenerSettings.parse(Map.of("protocol", "imap", "port", "143"),
                protocol -> protocol.equals("imap") ? "127.0.0.2" : "x");
        assertEquals(List.of(new InetSocketAddress("127.0.0.2", 143)), s.addresses());
        ListenerSettings own = ListenerSettings.parse(Map.of("protocol", "imap", "port", "143", "address", "127.0.0.3"),
                protocol -> "127.0.0.2");
        assertEquals(List.of(new InetSocketAddress("127.0.0.3", 143)), own.addresses(), "the listener's own address wins");
        ListenerSettings dovecot = ListenerSettings.parse(Map.of("protocol", "imap", "port", "143"), protocol -> "*, ::");
        assertEquals(List.of(new InetSocketAddress(143)), dovecot.addresses(),
                "Dovecot's '*, ::' is one dual-stack socket in Java");
        ListenerSettings twice = ListenerSettings.parse(Map.of("protocol", "imap", "port", "143",
                "address", "127.0.0.1, 127.0.0.1, [::]"), protocol -> "x");
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 143), new InetSocketAddress(143)), twice.addresses());
    }

    @Test
    void badValuesAreExplained() {
        assertThrows(IllegalArgumentException.class, () -> ListenerSettings.parse(Map.of("port", "25")));
        assertThrows(IllegalArgumentException.class, () -> ListenerSettings.parse(Map.of("protocol", "smtp")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ListenerSettings.parse(Map.of("protocol", "smtp", "port", "25", "tls", "yes")));
        assertTrue(e.getMessage().contains("none, starttls or implicit"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ListenerSettings.parse(Map.of("protocol", "smtp", "port", "70000")));
        assertThrows(IllegalArgumentException.class,
                () -> ListenerSettings.parse(Map.of("protocol", "smtp", "port", "25", "idle_timeout", "soon")));
    }

    @Test
    void rebindOnlyWhenAddressesOrProtocolChange() {
        ListenerSettings a = ListenerSettings.parse(Map.of("protocol", "smtp", "port", "25"));
        ListenerSettings b = ListenerSettings.parse(Map.of("protocol", "smtp", "port", "25", "idle_timeout", "9"));
        ListenerSettings c = ListenerSettings.parse(Map.of("protocol", "smtp", "port", "26"));
        assertFalse(a.needsRebind(b));
        assertTrue(a.needsRebind(c));
    }

    @Test
    void timeUnits() {
        assertEquals(90, ListenerSettings.seconds("90", "x"));
        assertEquals(90, ListenerSettings.seconds("90s", "x"));
        assertEquals(7200, ListenerSettings.seconds("2h", "x"));
    }
}
