package io.tegami.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.tegami.api.config.testing.MapMailParameters;

/** Postfix's inet_interfaces for smtp listeners, Dovecot's listen for the others. */
class BindDefaultsTest {

    @Test
    void inetInterfacesFollowsPostfix() {
        assertEquals("*", BindDefaults.inetInterfaces("all", "all", true));
        assertEquals("0.0.0.0", BindDefaults.inetInterfaces("all", "ipv4", true));
        assertEquals("::", BindDefaults.inetInterfaces("all", "ipv6", true));
        assertEquals("127.0.0.1, ::1", BindDefaults.inetInterfaces("loopback-only", "all", true));
        assertEquals("127.0.0.1", BindDefaults.inetInterfaces("loopback-only", "all", false), "no IPv6 here: dropped");
        assertEquals("127.0.0.1", BindDefaults.inetInterfaces("Loopback-Only", "ipv4", true));
        assertEquals("::1", BindDefaults.inetInterfaces("loopback-only", "ipv6", false));
        assertEquals("127.0.0.1, ::1", BindDefaults.inetInterfaces("loopback-only", "ipv4, ipv6", true));
        assertEquals("192.0.2.1, mail.example.org", BindDefaults.inetInterfaces(" 192.0.2.1, mail.example.org ", "all", true));
    }

    @Test
    void smtpUsesInetInterfacesAndTheOthersListen() {
        MapMailParameters p = MapMailParameters.of(Path.of("/t"), "listen", "*, ::", "inet_interfaces", "all",
                "inet_protocols", "ipv4");
        assertEquals("0.0.0.0", BindDefaults.addressFor("smtp", p));
        assertEquals("*, ::", BindDefaults.addressFor("imap", p));
        assertEquals("*, ::", BindDefaults.addressFor("pop3", p));
        assertEquals("*, ::", BindDefaults.addressFor("managesieve", p));
    }

    @Test
    void withoutParametersOrValuesLoopback() {
        assertEquals("127.0.0.1", BindDefaults.addressFor("imap", null));
        assertEquals("127.0.0.1", BindDefaults.addressFor("smtp", null));
        MapMailParameters empty = MapMailParameters.of(Path.of("/t"), "listen", "", "inet_interfaces", "");
        assertEquals("127.0.0.1", BindDefaults.addressFor("imap", empty));
        assertEquals("127.0.0.1", BindDefaults.addressFor("smtp", empty));
    }
}
