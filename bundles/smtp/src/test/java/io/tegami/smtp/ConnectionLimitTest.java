package io.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.net.ListenerInfo;
import io.tegami.api.net.testing.FakeConnection;
import io.tegami.smtp.session.ClientNetworks;

/**
 * Postfix's {@code smtpd_client_connection_count_limit} (the reply and log text of Postfix 3.7's
 * smtpd) with its {@code smtpd_client_event_limit_exceptions}, and the full listener's refusal.
 */
class ConnectionLimitTest {

    private static final String GREETING = "220 host ESMTP Tegami\r\n";
    private final SmtpHarness smtp = new SmtpHarness();

    private String startFrom(String ip, int connections) {
        smtp.connection.remote(new InetSocketAddress(ip, 50000)).clientConnections(connections);
        return smtp.start();
    }

    @Test
    void oneConnectionOverTheLimitGets421AndIsClosed() {
        assertEquals("421 4.7.0 host Error: too many connections from 192.0.2.7\r\n", startFrom("192.0.2.7", 51));
        assertFalse(smtp.connection.isOpen());
    }

    @Test
    void theLimitItselfIsAllowed() {
        assertEquals(GREETING, startFrom("192.0.2.7", 50));
        assertTrue(smtp.connection.isOpen());
    }

    @Test
    void mynetworksAreExemptByDefault() {
        assertEquals(GREETING, startFrom("127.0.0.1", 500));
        smtp.params.set("mynetworks", "192.0.2.0/24");
        assertEquals(GREETING, new SmtpHarness().start(), "loopback, one connection");
    }

    @Test
    void exceptionsCanBeEmptiedOrListed() {
        smtp.params.set("smtpd_client_event_limit_exceptions", "");
        assertEquals("421 4.7.0 host Error: too many connections from 127.0.0.1\r\n", startFrom("127.0.0.1", 51));
        SmtpHarness listed = new SmtpHarness();
        listed.params.set("smtpd_client_event_limit_exceptions", "198.51.100.0/24, [2001:db8::]/32");
        listed.connection.remote(new InetSocketAddress("2001:db8::5", 1)).clientConnections(51);
        assertEquals(GREETING, listed.start());
    }

    @Test
    void zeroDisablesAndAListenerOptionOverrides() {
        smtp.params.set("smtpd_client_connection_count_limit", "0");
        assertEquals(GREETING, startFrom("192.0.2.7", 5000));
        SmtpHarness own = new SmtpHarness();
        own.connection.listener(new ListenerInfo("submission", "smtp", ListenerInfo.TlsMode.STARTTLS,
                Map.of("smtpd_client_connection_count_limit", "2"))).remote(new InetSocketAddress("192.0.2.7", 1))
                .clientConnections(3);
        assertEquals("421 4.7.0 host Error: too many connections from 192.0.2.7\r\n", own.start());
    }

    @Test
    void aFullListenerGetsPostscreensBusyReply() {
        smtp.start();
        FakeConnection refused = new FakeConnection("smtp", 25);
        smtp.handler.refuse(refused);
        assertEquals("421 4.3.2 All server ports are busy\r\n", refused.take());
    }

    @Test
    void networkListsMatchAddressesAndBlocksOnly() throws Exception {
        ClientNetworks n = ClientNetworks.parse(List.of("127.0.0.0/8", "[::1]/128", "192.0.2.7", "10.1.2.0/23",
                "example.org", "hash:/etc/postfix/network_table", "/etc/networks", "300.1.1.1", "10.0.0.0/99"));
        assertTrue(n.contains(InetAddress.getByName("127.9.9.9")));
        assertTrue(n.contains(InetAddress.getByName("::1")));
        assertTrue(n.contains(InetAddress.getByName("192.0.2.7")));
        assertFalse(n.contains(InetAddress.getByName("192.0.2.8")));
        assertTrue(n.contains(InetAddress.getByName("10.1.3.255")));
        assertFalse(n.contains(InetAddress.getByName("10.1.4.0")));
        assertFalse(n.contains(InetAddress.getByName("::2")));
        assertFalse(n.contains(null));
    }
}
