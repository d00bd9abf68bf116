package io.tegami.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServerListTest {

    @Test
    void hostsPortsAndIpv6Forms() {
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 53), new InetSocketAddress("127.0.0.2", 5353),
                new InetSocketAddress("::1", 53), new InetSocketAddress("::1", 5300)),
                ServerList.parse(" 127.0.0.1, 127.0.0.2:5353\t::1 [::1]:5300 "));
    }

    @Test
    void emptyMeansTheSystemResolvers() {
        assertTrue(ServerList.parse("  ").isEmpty());
    }

    @Test
    void badEntriesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ServerList.parse("127.0.0.1:dns"));
        assertThrows(IllegalArgumentException.class, () -> ServerList.parse("127.0.0.1:0"));
        assertThrows(IllegalArgumentException.class, () -> ServerList.parse("[::1"));
        assertThrows(IllegalArgumentException.class, () -> ServerList.parse("[::1]53"));
    }

    @Test
    void inetProtocols() {
        assertEquals(new Protocols(true, false), Protocols.parse(List.of("ipv4")));
        assertEquals(new Protocols(false, true), Protocols.parse(List.of("IPv6")));
        assertEquals(new Protocols(true, true), Protocols.parse(List.of("ipv4", "ipv6")));
        assertEquals(Protocols.ALL, Protocols.parse(List.of("all")));
        assertEquals(Protocols.ALL, Protocols.parse(List.of()));
    }
}
