package io.tegami.smtp.restriction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.tegami.api.dns.DnsAnswer.Status;

/** The stages and their order: delayed or immediate, relay before recipient, per-listener lists. */
class StagesTest {

    private final Fixture fixture = new Fixture();

    @Test
    void delayedRestrictionsSeeTheRecipient() {
        fixture.set("smtpd_client_restrictions", "check_recipient_access inline:{ alice@host=OK }, reject");
        assertNull(fixture.rcpt("alice@host"));
        assertEquals("554 5.7.1 <unknown[192.0.2.7]>: Client host rejected: Access denied", fixture.rcpt("postmaster@host"));
    }

    @Test
    void withoutDelayEachStageStandsAlone() {
        fixture.set("smtpd_delay_reject", "no").set("smtpd_client_restrictions", "reject");
        assertEquals("554 5.7.1 <unknown[192.0.2.7]>: Client host rejected: Access denied", fixture.client());
        assertNull(fixture.rcpt("alice@host"), "the client restrictions are not repeated at RCPT");
    }

    @Test
    void aDeferralFromAnEarlierStageSurvivesToRcpt() {
        fixture.set("smtpd_delay_reject", "no").set("smtpd_sender_restrictions", "reject_unknown_sender_domain");
        fixture.dns.status("flaky.example", Status.TEMPORARY_FAILURE);
        assertNull(fixture.mail("a@flaky.example"));
        assertEquals("450 4.1.8 <a@flaky.example>: Sender address rejected: Domain not found", fixture.rcpt("alice@host"));
    }

    @Test
    void relayRestrictionsComeFirstUnlessToldOtherwise() {
        fixture.set("smtpd_relay_restrictions", "reject_unauth_destination")
                .set("smtpd_recipient_restrictions", "check_recipient_access inline:{ x@example.com=DEFER }");
        assertEquals("554 5.7.1 <x@example.com>: Relay access denied", fixture.rcpt("x@example.com"));
        fixture.set("smtpd_relay_before_recipient_restrictions", "no");
        assertEquals("450 4.7.1 <x@example.com>: Recipient address rejected: Access denied", fixture.rcpt("x@example.com"));
    }

    @Test
    void aPermitInOneListDoesNotSkipTheOther() {
        fixture.inside().set("smtpd_recipient_restrictions", "check_recipient_access inline:{ x@example.com=REJECT }");
        assertEquals("554 5.7.1 <x@example.com>: Recipient address rejected: Access denied", fixture.rcpt("x@example.com"));
    }

    @Test
    void listenersOverrideTheLists() {
        // The submission listener of configs/: authenticated clients only.
        fixture.listenerOptions.put("smtpd_sasl_auth_enable", "yes");
        fixture.listenerOptions.put("smtpd_recipient_restrictions", "permit_sasl_authenticated, reject");
        fixture.inside();
        assertEquals("554 5.7.1 <alice@host>: Recipient address rejected: Access denied", fixture.rcpt("alice@host"));
        fixture.saslUser = "alice";
        assertNull(fixture.rcpt("anyone@example.com"));
    }

    @Test
    void dataAndEndOfDataNameTheRecipientOnlyWhenThereIsOne() {
        fixture.set("smtpd_data_restrictions", "reject_multi_recipient_bounce")
                .set("smtpd_end_of_data_restrictions", "check_sender_access inline:{ a@b.example=REJECT }");
        fixture.sender = "";
        fixture.recipientCount = 2;
        CheckState data = fixture.state("DATA");
        data.recipient = "alice@host";
        assertEquals("550 5.5.3 <DATA>: Data command rejected: Multi-recipient bounce", Stages.data(data));
        fixture.sender = "a@b.example";
        fixture.recipientCount = 1;
        assertNull(Stages.data(fixture.state("DATA")));
        CheckState eod = fixture.state("END-OF-MESSAGE");
        eod.defaultAcl = null;
        assertEquals("554 5.7.1 <a@b.example>: Sender address rejected: Access denied", Stages.endOfData(eod));
    }
}
