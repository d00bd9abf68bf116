package io.tegami.smtp.restriction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The evaluation of restriction lists as Postfix's generic_checks() does it: first permit or reject
 * wins, warn_if_reject, defer_if_permit and defer_if_reject, restriction classes, and configuration
 * errors.
 */
class GenericRestrictionsTest {

    private final Fixture fixture = new Fixture();

    @Test
    void firstDecisionWins() {
        assertNull(fixture.recipientRestrictions("permit, reject", "alice@host"));
        assertEquals("554 5.7.1 <alice@host>: Recipient address rejected: Access denied",
                fixture.recipientRestrictions("reject, permit", "alice@host"));
        assertEquals("450 4.3.2 <alice@host>: Recipient address rejected: Try again later",
                fixture.recipientRestrictions("defer", "alice@host"));
    }

    @Test
    void rejectAndDeferCodesComeFromTheirParameters() {
        fixture.set("reject_code", "550").set("defer_code", "421");
        assertEquals("550 5.7.1 <alice@host>: Recipient address rejected: Access denied",
                fixture.recipientRestrictions("reject", "alice@host"));
        assertEquals("421 4.3.2 <alice@host>: Recipient address rejected: Try again later",
                fixture.recipientRestrictions("defer", "alice@host"));
        fixture.set("reject_code", "250");
        assertEquals("450 4.7.1 Service unavailable", fixture.recipientRestrictions("reject", "alice@host"),
                "a reply code that is not 4xx or 5xx");
    }

    @Test
    void warnIfRejectOnlyLogsTheNextRestriction() {
        assertNull(fixture.recipientRestrictions("warn_if_reject, reject", "alice@host"));
        assertEquals("554 5.7.1 <alice@host>: Recipient address rejected: Access denied",
                fixture.recipientRestrictions("warn_if_reject, reject_non_fqdn_recipient, reject", "alice@host"));
    }

    @Test
    void deferIfPermitTurnsALaterPermitIntoADeferral() {
        assertEquals("450 4.7.0 <alice@host>: Recipient address rejected: defer_if_permit requested",
                fixture.recipientRestrictions("defer_if_permit, permit", "alice@host"));
        assertEquals("554 5.7.1 <alice@host>: Recipient address rejected: Access denied",
                fixture.recipientRestrictions("defer_if_permit, reject", "alice@host"));
    }

    @Test
    void deferIfRejectTurnsALaterRejectionIntoADeferral() {
        assertEquals("450 4.7.0 <alice@host>: Recipient address rejected: defer_if_reject requested",
                fixture.recipientRestrictions("defer_if_reject, reject", "alice@host"));
        assertNull(fixture.recipientRestrictions("defer_if_reject, permit", "alice@host"));
    }

    @Test
    void restrictionClassesExpand() {
        fixture.set("smtpd_restriction_classes", "strict, lenient").set("strict", "reject_non_fqdn_recipient, reject")
                .set("lenient", "permit");
        assertEquals("504 5.5.2 <alice@host>: Recipient address rejected: need fully-qualified address",
                fixture.recipientRestrictions("strict", "alice@host"));
        assertNull(fixture.recipientRestrictions("lenient", "alice@host"));
    }

    @Test
    void unknownRestrictionsAreAServerConfigurationError() {
        assertEquals("451 4.3.5 Server configuration error",
                fixture.recipientRestrictions("reject_everything_please", "alice@host"));
        assertEquals("451 4.3.5 Server configuration error", fixture.recipientRestrictions("sleep 1", "alice@host"));
        assertEquals("451 4.3.5 Server configuration error",
                fixture.recipientRestrictions("check_recipient_access", "alice@host"), "a table is missing");
        assertEquals("451 4.3.5 Server configuration error",
                fixture.recipientRestrictions("warn_if_reject, bogus", "alice@host"), "not softened by warn_if_reject");
    }

    @Test
    void aBareTableIsTheListsOwnAccessCheck() {
        assertEquals("554 5.7.1 <alice@host>: Recipient address rejected: go away",
                fixture.recipientRestrictions("inline:{ {alice@host = REJECT go away} }", "alice@host"));
        fixture.set("smtpd_data_restrictions", "inline:{ a=b }");
        assertEquals("451 4.3.5 Server configuration error", Stages.data(fixture.state("DATA")),
                "DATA restrictions have no default table check");
    }

    @Test
    void withoutARestrictionThatRefusesByDefaultNothingIsAccepted() {
        fixture.set("smtpd_relay_restrictions", "permit_mynetworks").set("smtpd_recipient_restrictions", "");
        assertEquals("451 4.3.5 Server configuration error", fixture.rcpt("alice@host"));
        fixture.set("smtpd_recipient_restrictions", "permit, reject_unauth_destination");
        assertEquals("451 4.3.5 Server configuration error", fixture.rcpt("alice@host"), "nothing after permit counts");
        fixture.set("smtpd_recipient_restrictions", "warn_if_reject reject_unauth_destination");
        assertEquals("451 4.3.5 Server configuration error", fixture.rcpt("alice@host"), "a warning does not refuse");
        fixture.set("smtpd_restriction_classes", "mine").set("mine", "reject_unauth_destination")
                .set("smtpd_recipient_restrictions", "mine");
        assertNull(fixture.rcpt("alice@host"));
    }

    @Test
    void multiRecipientBounces() {
        fixture.sender = "";
        fixture.recipientCount = 1;
        assertEquals("550 5.5.3 <alice@host>: Recipient address rejected: Multi-recipient bounce",
                fixture.recipientRestrictions("reject_multi_recipient_bounce", "alice@host"));
        fixture.recipientCount = 0;
        assertNull(fixture.recipientRestrictions("reject_multi_recipient_bounce", "alice@host"));
    }

    @Test
    void unauthPipeliningRejectsWhenTheSessionSawIt() {
        assertNull(fixture.recipientRestrictions("reject_unauth_pipelining", "alice@host"));
        fixture.session.improperPipelining = true;
        assertEquals("503 5.5.0 <alice@host>: Recipient address rejected: Improper use of SMTP command pipelining",
                fixture.recipientRestrictions("reject_unauth_pipelining", "alice@host"));
    }

    @Test
    void softBounceTurnsRejectionsIntoDeferrals() {
        fixture.set("soft_bounce", "yes");
        assertEquals("454 4.7.1 <alice@host>: Recipient address rejected: Access denied",
                fixture.recipientRestrictions("reject", "alice@host"));
    }
}
