package io.tegami.smtp.restriction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.tegami.api.dns.DnsAnswer.Status;

/** Restrictions on the client itself. */
class ClientChecksTest {

    private final Fixture fixture = new Fixture();

    private String clientRestrictions(String list) {
        fixture.set("smtpd_client_restrictions", list);
        return fixture.client();
    }

    @Test
    void mynetworksPermit() {
        assertEquals("554 5.7.1 <unknown[192.0.2.7]>: Client host rejected: Access denied",
                clientRestrictions("permit_mynetworks, reject"));
        fixture.set("mynetworks", "192.0.2.0/24");
        assertNull(clientRestrictions("permit_mynetworks, reject"));
        fixture.clientAddress = "2001:db8::7";
        fixture.set("mynetworks", "[2001:db8::]/32");
        assertNull(clientRestrictions("permit_mynetworks, reject"));
    }

    @Test
    void saslAuthenticatedPermitsOnlyWhereSaslIsOn() {
        fixture.saslUser = "alice";
        assertEquals("554 5.7.1 <unknown[192.0.2.7]>: Client host rejected: Access denied",
                clientRestrictions("permit_sasl_authenticated, reject"), "smtpd_sasl_auth_enable = no");
        fixture.listenerOptions.put("smtpd_sasl_auth_enable", "yes");
        assertNull(clientRestrictions("permit_sasl_authenticated, reject"));
        fixture.saslUser = null;
        assertEquals("554 5.7.1 <unknown[192.0.2.7]>: Client host rejected: Access denied",
                clientRestrictions("permit_sasl_authenticated, reject"));
    }

    @Test
    void plaintextSessions() {
        assertEquals("450 4.7.1 Session encryption is required", clientRestrictions("reject_plaintext_session"));
        fixture.secure = true;
        assertNull(clientRestrictions("reject_plaintext_session"));
    }

    @Test
    void tlsClientCertificatesAreNotAskedForSoTheyNeverPermit() {
        fixture.secure = true;
        assertEquals("554 5.7.1 <unknown[192.0.2.7]>: Client host rejected: Access denied",
                clientRestrictions("permit_tls_clientcerts, permit_tls_all_clientcerts, reject"));
    }

    @Test
    void unknownClientHostname() {
        fixture.dns.ptr("192.0.2.7", "spoofed.example").a("spoofed.example", "192.0.2.99");
        assertEquals("450 4.7.25 Client host rejected: cannot find your hostname, [192.0.2.7]",
                clientRestrictions("reject_unknown_client_hostname"));
        fixture.set("unknown_client_reject_code", "550");
        assertEquals("550 5.7.25 Client host rejected: cannot find your hostname, [192.0.2.7]",
                clientRestrictions("reject_unknown_client"), "a PTR name that does not map back is permanent");
        assertNull(clientRestrictions("reject_unknown_reverse_client_hostname"), "but a PTR record exists");
    }

    @Test
    void verifiedClientNamesPass() {
        fixture.dns.ptr("192.0.2.7", "mx.example").a("mx.example", "192.0.2.7");
        assertNull(clientRestrictions("reject_unknown_client_hostname"));
        Fixture named = new Fixture();
        named.clientName = "mx.example";
        named.set("smtpd_client_restrictions", "reject_unknown_client_hostname, reject_unknown_reverse_client_hostname");
        assertNull(named.client());
        assertEquals(java.util.List.of(), named.dns.queries(), "the session's own name lookup is trusted");
    }

    @Test
    void dnsTroubleIsTemporaryEvenWithA5xxCode() {
        fixture.set("unknown_client_reject_code", "550");
        fixture.dns.status("192.0.2.7", Status.TEMPORARY_FAILURE);
        assertEquals("450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.7]",
                clientRestrictions("reject_unknown_reverse_client_hostname"));
        assertEquals("450 4.7.25 Client host rejected: cannot find your hostname, [192.0.2.7]",
                clientRestrictions("reject_unknown_client_hostname"));
        Fixture none = new Fixture();
        none.withDns = false;
        none.set("smtpd_client_restrictions", "reject_unknown_reverse_client_hostname");
        assertEquals("450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.7]", none.client(),
                "no resolver service");
    }

    @Test
    void missingReverseName() {
        fixture.set("unknown_client_reject_code", "554");
        assertEquals("554 5.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.7]",
                clientRestrictions("reject_unknown_reverse_client_hostname"));
    }
}
