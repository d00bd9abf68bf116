package io.tegami.smtp.restriction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.tegami.api.dns.DnsAnswer.Status;

/** Relay control and the sender/recipient domain checks. */
class AddressChecksTest {

    private final Fixture fixture = new Fixture();

    @Test
    void postfixRelayDefaultsDeferStrangersAndLetMynetworksAndAuthenticatedClientsRelay() {
        assertEquals("454 4.7.1 <x@example.com>: Relay access denied", fixture.rcpt("x@example.com"));
        assertNull(fixture.rcpt("alice@host"));
        fixture.listenerOptions.put("smtpd_sasl_auth_enable", "yes");
        fixture.saslUser = "alice";
        assertNull(fixture.rcpt("x@example.com"));
        Fixture inside = new Fixture().inside();
        assertNull(inside.rcpt("x@example.com"));
    }

    @Test
    void rejectUnauthDestination() {
        fixture.set("smtpd_relay_restrictions", "permit_mynetworks, reject_unauth_destination");
        assertEquals("554 5.7.1 <x@example.com>: Relay access denied", fixture.rcpt("x@example.com"));
        fixture.set("relay_domains_reject_code", "550");
        assertEquals("550 5.7.1 <x@example.com>: Relay access denied", fixture.rcpt("x@example.com"));
        assertEquals("450 4.7.1 <x@example.com>: Relay access denied",
                fixture.set("smtpd_relay_restrictions", "defer_unauth_destination").rcpt("x@example.com"));
    }

    @Test
    void relayDomainsAreAuthorizedDestinations() {
        fixture.set("relay_domains", "relay.example");
        assertNull(fixture.rcpt("x@relay.example"));
        assertNull(fixture.rcpt("x@mx.relay.example"), "relay_domains is in parent_domain_matches_subdomains");
        assertEquals("454 4.7.1 <x@relay.example.org>: Relay access denied", fixture.rcpt("x@relay.example.org"));
        assertEquals("454 4.7.1 <x%elsewhere.example@relay.example>: Relay access denied",
                fixture.rcpt("x%elsewhere.example@relay.example"));
    }

    @Test
    void permitAuthDestinationAndUntrustedRouting() {
        fixture.set("smtpd_relay_restrictions", "permit_auth_destination, reject");
        assertNull(fixture.rcpt("alice@host"));
        assertEquals("554 5.7.1 <x@example.com>: Recipient address rejected: Access denied", fixture.rcpt("x@example.com"));
        fixture.set("allow_percent_hack", "no");
        assertEquals("554 5.7.1 <alice%example.com@host>: Recipient address rejected: Access denied",
                fixture.rcpt("alice%example.com@host"), "routed, so not an authorized destination");
        fixture.set("allow_untrusted_routing", "yes");
        assertEquals("550 5.1.1 <alice%example.com@host>: Recipient address rejected: User unknown in local recipient table",
                fixture.rcpt("alice%example.com@host"));
    }

    @Test
    void nonFqdnAddresses() {
        assertEquals("504 5.5.2 <root>: Sender address rejected: need fully-qualified address",
                fixture.set("smtpd_sender_restrictions", "reject_non_fqdn_sender").mail("root"));
        assertEquals("504 5.5.2 <root@localhost>: Sender address rejected: need fully-qualified address",
                fixture.mail("root@localhost"));
        assertNull(fixture.mail("root@example.com."));
        assertNull(fixture.mail("root@[192.0.2.1]"));
        assertNull(fixture.mail(""), "the null sender");
        fixture.inside();
        assertEquals("504 5.5.2 <bob@mail>: Recipient address rejected: need fully-qualified address",
                fixture.recipientRestrictions("reject_non_fqdn_recipient", "bob@mail"));
        fixture.set("non_fqdn_reject_code", "450");
        assertEquals("450 4.5.2 <bob@mail>: Recipient address rejected: need fully-qualified address",
                fixture.recipientRestrictions("reject_non_fqdn_recipient", "bob@mail"));
    }

    @Test
    void unknownRecipientDomain() {
        fixture.inside();
        fixture.dns.mx("good.example", "mx.good.example").a("plain.example", "192.0.2.9").nullMx("nomail.example")
                .status("flaky.example", Status.TEMPORARY_FAILURE);
        String list = "reject_unknown_recipient_domain";
        assertNull(fixture.recipientRestrictions(list, "x@good.example"));
        assertNull(fixture.recipientRestrictions(list, "x@plain.example"), "an address record will do");
        assertEquals("450 4.1.2 <x@nonexist.example>: Recipient address rejected: Domain not found",
                fixture.recipientRestrictions(list, "x@nonexist.example"));
        assertEquals("450 4.1.2 <x@flaky.example>: Recipient address rejected: Domain not found",
                fixture.recipientRestrictions(list, "x@flaky.example"));
        assertEquals("556 5.1.10 <x@nomail.example>: Recipient address rejected: Domain nomail.example does not accept mail (nullMX)",
                fixture.recipientRestrictions(list, "x@nomail.example"));
        assertNull(fixture.recipientRestrictions(list, "alice@host"), "local domains are not looked up");
        assertNull(fixture.recipientRestrictions(list, "x@[192.0.2.1]"));
        fixture.set("unknown_address_reject_code", "550");
        assertEquals("550 5.1.2 <x@nonexist.example>: Recipient address rejected: Domain not found",
                fixture.recipientRestrictions(list, "x@nonexist.example"));
        assertEquals("450 4.1.2 <x@flaky.example>: Recipient address rejected: Domain not found",
                fixture.recipientRestrictions(list, "x@flaky.example"), "DNS trouble stays temporary");
        assertEquals("550 5.1.2 <x@nonexist.example>: Recipient address rejected: Domain not found",
                fixture.recipientRestrictions(list + ", permit", "x@nonexist.example"));
    }

    @Test
    void dnsTroubleDefersOnlyWhatWouldBeAccepted() {
        fixture.inside();
        fixture.dns.status("flaky.example", Status.TEMPORARY_FAILURE);
        assertEquals("554 5.7.1 <x@flaky.example>: Recipient address rejected: Access denied",
                fixture.recipientRestrictions("reject_unknown_recipient_domain, reject", "x@flaky.example"));
        fixture.set("unknown_address_tempfail_action", "defer");
        assertEquals("450 4.1.2 <x@flaky.example>: Recipient address rejected: Domain not found",
                fixture.recipientRestrictions("reject_unknown_recipient_domain, reject", "x@flaky.example"));
    }

    @Test
    void unknownSenderDomain() {
        fixture.dns.nullMx("nomail.example").status("flaky.example", Status.TEMPORARY_FAILURE);
        fixture.set("smtpd_sender_restrictions", "reject_unknown_sender_domain");
        assertEquals("450 4.1.8 <a@nonexist.example>: Sender address rejected: Domain not found",
                fixture.mail("a@nonexist.example"));
        assertEquals("550 5.7.27 <a@nomail.example>: Sender address rejected: Domain nomail.example does not accept mail (nullMX)",
                fixture.mail("a@nomail.example"));
        assertNull(fixture.mail(""));
        assertNull(fixture.mail("root"), "qualified with $myorigin, a local domain");
        fixture.sender = "a@flaky.example";
        assertEquals("450 4.1.8 <a@flaky.example>: Sender address rejected: Domain not found", fixture.rcpt("alice@host"));
        fixture.withDns = false;
        fixture.sender = "a@any.example";
        assertEquals("450 4.1.8 <a@any.example>: Sender address rejected: Domain not found", fixture.rcpt("alice@host"),
                "without a resolver service");
    }
}
