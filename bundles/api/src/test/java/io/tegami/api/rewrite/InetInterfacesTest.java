package io.tegami.api.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import io.tegami.api.config.testing.MapMailParameters;
import org.junit.jupiter.api.Test;

class InetInterfacesTest {

    private static final Path HOME = Path.of(".");

    @Test
    void loopbackOnlyMeansTheTwoLoopbackAddresses() {
        MapMailParameters p = MapMailParameters.of(HOME, "inet_interfaces", "loopback-only");
        assertTrue(InetInterfaces.contains(InetInterfaces.literal("127.0.0.1"), p));
        assertTrue(InetInterfaces.contains(InetInterfaces.literal("[::1]"), p));
        assertFalse(InetInterfaces.contains(InetInterfaces.literal("127.0.0.2"), p));
        assertFalse(InetInterfaces.contains(InetInterfaces.literal("192.0.2.1"), p));
        assertFalse(InetInterfaces.contains(null, p));
    }

    @Test
    void listedAddressesAndProxyInterfaces() {
        MapMailParameters p = MapMailParameters.of(HOME, "inet_interfaces", "192.0.2.1, [2001:db8::1]", "proxy_interfaces", "198.51.100.7");
        assertTrue(InetInterfaces.contains(InetInterfaces.literal("192.0.2.1"), p));
        assertTrue(InetInterfaces.contains(InetInterfaces.literal("2001:db8:0:0::1"), p));
        assertTrue(InetInterfaces.contains(InetInterfaces.literal("198.51.100.7"), p));
        assertFalse(InetInterfaces.contains(InetInterfaces.literal("127.0.0.1"), p));
    }

    @Test
    void allMeansEveryLocalInterface() {
        MapMailParameters p = MapMailParameters.of(HOME, "inet_interfaces", "all");
        assertTrue(InetInterfaces.contains(InetInterfaces.literal("127.0.0.1"), p));
        assertFalse(InetInterfaces.contains(InetInterfaces.literal("192.0.2.254"), p));
    }

    @Test
    void literalNeverResolvesNames() {
        assertNull(InetInterfaces.literal("localhost"));
        assertNull(InetInterfaces.literal("example.org"));
        assertEquals(InetInterfaces.literal("::1"), InetInterfaces.literal("[IPv6:::1]"));
    }
}
