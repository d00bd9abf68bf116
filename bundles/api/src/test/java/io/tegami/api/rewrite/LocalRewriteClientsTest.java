package io.tegami.api.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.rewrite.LocalRewriteClients.Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRewriteClientsTest {

    @TempDir
    Path home;

    private final List<String> warnings = new ArrayList<>();
    private final LocalRewriteClients clients = new LocalRewriteClients(warnings::add);

    private static Client client(String ip, String user) {
        return new Client(InetInterfaces.literal(ip), user, a -> a.getHostAddress().startsWith("192.0.2."));
    }

    private boolean matches(String value, Client client) throws RewriteException {
        return clients.matches(value, client, MapMailParameters.of(home, "inet_interfaces", "loopback-only"));
    }

    @Test
    void inetInterfacesMeansOurOwnAddresses() throws Exception {
        assertTrue(matches("permit_inet_interfaces", client("127.0.0.1", null)));
        assertFalse(matches("permit_inet_interfaces", client("198.51.100.1", null)));
    }

    @Test
    void mynetworksAsTheCallerReadsIt() throws Exception {
        assertTrue(matches("permit_mynetworks", client("192.0.2.9", null)));
        assertFalse(matches("permit_mynetworks", client("198.51.100.1", null)));
        assertFalse(matches("permit_mynetworks", new Client(null, null, a -> true)));
    }

    @Test
    void saslNeedsALogin() throws Exception {
        assertTrue(matches("permit_sasl_authenticated", client("198.51.100.1", "alice")));
        assertFalse(matches("permit_sasl_authenticated", client("198.51.100.1", null)));
        assertFalse(matches("permit_sasl_authenticated", client("198.51.100.1", "")));
    }

    @Test
    void entriesAreTriedInOrderAndTlsCertificatesNeverMatch() throws Exception {
        assertTrue(matches("permit_tls_clientcerts, permit_sasl_authenticated, permit_inet_interfaces",
                client("127.0.0.1", null)));
        assertFalse(matches("permit_tls_clientcerts permit_tls_all_clientcerts", client("127.0.0.1", "alice")));
    }

    @Test
    void emptyMeansNobodyButAnyStaticTableMeansEverybody() throws Exception {
        assertFalse(matches("", client("127.0.0.1", "alice")));
        assertFalse(matches(null, client("127.0.0.1", "alice")));
        // Postfix: a static: table answers every key, whatever its value says.
        assertTrue(matches("static:all", client("198.51.100.1", null)));
        assertTrue(matches("static:none", client("198.51.100.1", null)));
    }

    @Test
    void addressMapsKnowTheClientAddress() throws Exception {
        Files.writeString(home.resolve("clients"), "198.51.100.7 OK\n");
        assertTrue(matches("check_address_map texthash:clients", client("198.51.100.7", null)));
        assertFalse(matches("check_address_map texthash:clients", client("198.51.100.8", null)));
        assertTrue(matches("texthash:clients", client("198.51.100.7", null)));
        assertTrue(matches("check_address_map inline:{ 198.51.100.9=yes, 198.51.100.10=yes }", client("198.51.100.10", null)));
        assertFalse(matches("texthash:clients", new Client(null, "alice", a -> true)));
    }

    @Test
    void unknownEntriesAreSkippedWithAWarning() throws Exception {
        assertTrue(matches("permit_everyone, permit_inet_interfaces", client("127.0.0.1", null)));
        assertEquals(List.of("parameter local_header_rewrite_clients: invalid request: permit_everyone"), warnings);
    }

    @Test
    void anUnreadableTableIsATemporaryFailure() {
        assertThrows(RewriteException.class, () -> matches("texthash:missing-file", client("198.51.100.7", null)));
        assertEquals(1, warnings.size(), warnings.toString());
    }
}
