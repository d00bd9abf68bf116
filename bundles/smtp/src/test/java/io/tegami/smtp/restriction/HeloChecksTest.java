package io.tegami.smtp.restriction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.tegami.api.dns.DnsAnswer.Status;

/** Restrictions on the HELO/EHLO name. */
class HeloChecksTest {

    private final Fixture fixture = new Fixture();

    private String helo(String list, String name) {
        fixture.set("smtpd_helo_restrictions", list);
        return fixture.helo(name);
    }

    @Test
    void nonFqdn() {
        assertEquals("504 5.5.2 <foo>: Helo command rejected: need fully-qualified hostname",
                helo("reject_non_fqdn_helo_hostname", "foo"));
        assertNull(helo("reject_non_fqdn_helo_hostname", "foo.example"));
        assertNull(helo("reject_non_fqdn_helo_hostname", "foo.example."), "one trailing dot is fine");
        assertEquals("504 5.5.2 <foo?bar.example>: Helo command rejected: need fully-qualified hostname",
                helo("reject_non_fqdn_hostname", "foo?bar.example"));
        assertNull(helo("reject_non_fqdn_helo_hostname", "[192.0.2.7]"));
        assertEquals("501 5.5.2 <[192.0.2.700]>: Helo command rejected: invalid ip address",
                helo("reject_non_fqdn_helo_hostname", "[192.0.2.700]"));
    }

    @Test
    void invalid() {
        assertEquals("501 5.5.2 <a..b>: Helo command rejected: Invalid name", helo("reject_invalid_helo_hostname", "a..b"));
        assertNull(helo("reject_invalid_helo_hostname", "foo"), "valid, if not fully qualified");
        assertNull(helo("reject_invalid_hostname", "192.0.2.7"), "a bare address is tolerated, as in Postfix");
        assertNull(helo("reject_invalid_helo_hostname", "[IPv6:2001:db8::1]"));
        assertEquals("501 5.5.2 <[2001:db8::1]>: Helo command rejected: invalid ip address",
                helo("reject_invalid_helo_hostname", "[2001:db8::1]"));
        fixture.set("invalid_hostname_reject_code", "550");
        assertEquals("550 5.5.2 <-x>: Helo command rejected: Invalid name", helo("reject_invalid_helo_hostname", "-x"));
    }

    @Test
    void unknown() {
        fixture.dns.a("mx.example", "192.0.2.7").mx("mailer.example", "mx.example").status("flaky.example",
                Status.TEMPORARY_FAILURE);
        assertNull(helo("reject_unknown_helo_hostname", "mx.example"));
        assertNull(helo("reject_unknown_helo_hostname", "mailer.example"), "an MX record will do");
        assertEquals("450 4.7.1 <nx.example>: Helo command rejected: Host not found",
                helo("reject_unknown_helo_hostname", "nx.example"));
        assertNull(helo("reject_unknown_helo_hostname", "flaky.example"), "deferred only if the mail would be accepted");
        fixture.helo = "flaky.example";
        assertEquals("450 4.7.1 <flaky.example>: Helo command rejected: Host not found",
                fixture.rcpt("alice@host"), "...which it is, at RCPT");
        fixture.set("unknown_hostname_reject_code", "550");
        assertEquals("550 5.7.1 <nx.example>: Helo command rejected: Host not found",
                helo("reject_unknown_hostname", "nx.example"));
    }

    @Test
    void unknownWithPlainDeferAsTempfailAction() {
        fixture.dns.status("flaky.example", Status.TEMPORARY_FAILURE);
        fixture.set("unknown_helo_hostname_tempfail_action", "defer");
        assertEquals("450 4.7.1 <flaky.example>: Helo command rejected: Host not found",
                helo("reject_unknown_helo_hostname", "flaky.example"));
    }

    @Test
    void heloRestrictionsNameTheHeloWhereverTheyAre() {
        fixture.helo = "foo";
        assertEquals("504 5.5.2 <foo>: Helo command rejected: need fully-qualified hostname",
                fixture.recipientRestrictions("reject_non_fqdn_helo_hostname", "alice@host"));
        fixture.helo = null;
        assertNull(fixture.recipientRestrictions("reject_non_fqdn_helo_hostname", "alice@host"), "no HELO yet");
    }
}
