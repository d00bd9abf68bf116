package io.tegami.smtp.restriction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** access(5) tables: the keys tried, in order, and what their results mean. */
class AccessChecksTest {

    private final Fixture fixture = new Fixture().inside();

    private String recipientAccess(String entries, String recipient) {
        return fixture.recipientRestrictions("check_recipient_access inline:{ " + entries + " }", recipient);
    }

    @Test
    void recipientKeysInAccessOrder() {
        fixture.set("recipient_delimiter", "+");
        String reject = "554 5.7.1 <bob+news@sub.example.com>: Recipient address rejected: Access denied";
        assertEquals(reject, recipientAccess("bob+news@sub.example.com=REJECT", "bob+news@sub.example.com"));
        assertEquals(reject, recipientAccess("bob@sub.example.com=REJECT", "bob+news@sub.example.com"));
        assertEquals(reject, recipientAccess("sub.example.com=REJECT", "bob+news@sub.example.com"));
        assertEquals(reject, recipientAccess("example.com=REJECT", "bob+news@sub.example.com"));
        assertEquals(reject, recipientAccess("com=REJECT", "bob+news@sub.example.com"));
        assertEquals(reject, recipientAccess("bob+news@=REJECT", "bob+news@sub.example.com"));
        assertEquals(reject, recipientAccess("bob@=REJECT", "bob+news@sub.example.com"));
        assertNull(recipientAccess(".example.com=REJECT", "bob+news@sub.example.com"),
                "with smtpd_access_maps in parent_domain_matches_subdomains, .domain is not a key");
        assertNull(recipientAccess("@sub.example.com=REJECT", "bob+news@sub.example.com"));
        fixture.set("parent_domain_matches_subdomains", "");
        assertEquals(reject, recipientAccess(".example.com=REJECT", "bob+news@sub.example.com"));
        assertNull(recipientAccess("example.com=REJECT", "bob+news@sub.example.com"));
    }

    @Test
    void theFirstKeyFoundDecidesEvenWithDunno() {
        assertNull(recipientAccess("bob@example.com=DUNNO, example.com=REJECT", "bob@example.com"));
        assertEquals("554 5.7.1 <carol@example.com>: Recipient address rejected: Access denied",
                recipientAccess("bob@example.com=DUNNO, example.com=REJECT", "carol@example.com"));
    }

    @Test
    void results() {
        assertEquals("554 5.7.1 <b@x.example>: Recipient address rejected: no mail for you",
                recipientAccess("{b@x.example = REJECT no mail for you}", "b@x.example"));
        assertEquals("554 5.7.2 <b@x.example>: Recipient address rejected: closed",
                recipientAccess("{b@x.example = REJECT 5.7.2 closed}", "b@x.example"));
        assertEquals("554 5.1.3 <b@x.example>: Recipient address rejected: gone",
                recipientAccess("{b@x.example = REJECT 5.1.7 gone}", "b@x.example"), "a sender code fixed for a recipient");
        assertEquals("450 4.7.1 <b@x.example>: Recipient address rejected: Access denied",
                recipientAccess("b@x.example=DEFER", "b@x.example"));
        assertEquals("421 4.7.0 <b@x.example>: Recipient address rejected: later",
                recipientAccess("{b@x.example = 421 4.7.0 later}", "b@x.example"));
        assertEquals("550 5.7.1 <b@x.example>: Recipient address rejected: no",
                recipientAccess("{b@x.example = 550 no}", "b@x.example"));
        assertNull(recipientAccess("b@x.example=550", "b@x.example"), "a code without text is all digits: OK");
        assertNull(recipientAccess("b@x.example=OK", "b@x.example"));
        assertNull(recipientAccess("b@x.example=RELAY", "b@x.example"));
        assertNull(recipientAccess("b@x.example=1234567", "b@x.example"), "all digits mean OK");
        assertEquals("450 4.7.1 <b@x.example>: Recipient address rejected: Service unavailable",
                recipientAccess("b@x.example=DEFER_IF_PERMIT", "b@x.example"));
        assertEquals("450 4.7.1 <b@x.example>: Recipient address rejected: Service unavailable",
                fixture.recipientRestrictions("check_recipient_access inline:{ b@x.example=DEFER_IF_REJECT }, reject",
                        "b@x.example"));
        assertEquals("554 5.7.1 <b@x.example>: Recipient address rejected: Access denied",
                recipientAccess("{b@x.example = reject_non_fqdn_recipient, reject}", "b@x.example"));
        assertEquals("451 4.3.5 Server configuration error",
                recipientAccess("{b@x.example = check_client_access hash:/etc/x}", "b@x.example"));
        assertNull(recipientAccess("{b@x.example = WARN looked at}", "b@x.example"));
        assertNull(recipientAccess("{b@x.example = HOLD}", "b@x.example"), "not available: skipped");
    }

    @Test
    void restrictionClassesAsResults() {
        fixture.set("smtpd_restriction_classes", "insiders_only").set("insiders_only", "permit_mynetworks, reject");
        assertNull(recipientAccess("b@x.example=insiders_only", "b@x.example"));
        fixture.clientAddress = "192.0.2.7";
        fixture.set("relay_domains", "x.example");
        assertEquals("554 5.7.1 <b@x.example>: Recipient address rejected: Access denied",
                recipientAccess("b@x.example=insiders_only", "b@x.example"));
    }

    @Test
    void routedRecipientsNeverGetOk() {
        fixture.set("allow_percent_hack", "no");
        fixture.clientAddress = "192.0.2.7";
        fixture.set("smtpd_relay_restrictions", "check_recipient_access inline:{ host=OK }, defer_unauth_destination");
        assertEquals("454 4.7.1 <alice%example.com@host>: Relay access denied", fixture.rcpt("alice%example.com@host"));
        fixture.set("relay_domains", "example.net");
        fixture.set("smtpd_relay_restrictions", "check_recipient_access inline:{ example.net=OK }, defer_unauth_destination");
        assertNull(fixture.rcpt("bob@example.net"));
    }

    @Test
    void brokenTablesAnswer451() {
        assertEquals("451 4.3.5 <b@x.example>: Recipient address rejected: Server configuration error",
                fixture.recipientRestrictions("check_recipient_access nosuchtype:/x", "b@x.example"));
        assertEquals("451 4.3.5 <b@x.example>: Recipient address rejected: Server configuration error",
                fixture.recipientRestrictions("check_recipient_access hash:/nonexistent/access", "b@x.example"));
    }

    @Test
    void clientKeysAreTheNameAndItsParentsThenTheAddressAndItsPrefixes() {
        fixture.clientAddress = "192.0.2.7";
        fixture.clientName = "mx.sub.example.com";
        String reject = "554 5.7.1 <mx.sub.example.com[192.0.2.7]>: Client host rejected: Access denied";
        for (String key : new String[] {"mx.sub.example.com", "sub.example.com", "com", "192.0.2.7", "192.0.2", "192"}) {
            fixture.set("smtpd_client_restrictions", "check_client_access inline:{ " + key + "=REJECT }");
            assertEquals(reject, fixture.client(), key);
        }
        fixture.set("smtpd_client_restrictions", "check_client_access inline:{ example.com=OK, 192.0.2=REJECT }");
        assertNull(fixture.client(), "the name is looked up first");
        fixture.set("smtpd_client_restrictions", "inline:{ 192.0.2.0=REJECT }, inline:{ { 192.0.2 = REJECT text } }");
        assertEquals("554 5.7.1 <mx.sub.example.com[192.0.2.7]>: Client host rejected: text", fixture.client(),
                "bare tables are check_client_access here");
    }

    @Test
    void ipv6ClientPrefixes() {
        fixture.clientAddress = "2001:db8:0:0:0:0:0:7";
        fixture.set("smtpd_client_restrictions", "check_client_access inline:{ 2001:db8=REJECT }");
        assertEquals("554 5.7.1 <unknown[2001:db8:0:0:0:0:0:7]>: Client host rejected: Access denied", fixture.client());
    }

    @Test
    void heloKeys() {
        fixture.set("smtpd_helo_restrictions", "check_helo_access inline:{ example.com=REJECT }");
        assertEquals("554 5.7.1 <mx.example.com>: Helo command rejected: Access denied", fixture.helo("mx.example.com"));
        assertNull(fixture.helo("example.org"));
        fixture.set("smtpd_helo_restrictions", "check_helo_access inline:{ 192.0.2=REJECT }");
        assertNull(fixture.helo("192.0.2.7"), "no parent lookups for addresses");
    }

    @Test
    void senderKeysAndTheNullSender() {
        fixture.set("smtpd_sender_restrictions", "check_sender_access inline:{ <>=REJECT, spam.example=REJECT }");
        assertEquals("554 5.7.1 <>: Sender address rejected: Access denied", fixture.mail(""));
        assertEquals("554 5.7.1 <x@spam.example>: Sender address rejected: Access denied", fixture.mail("x@spam.example"));
        fixture.set("smtpd_null_access_lookup_key", "MAILER-DAEMON");
        assertNull(fixture.mail(""));
        fixture.set("smtpd_sender_restrictions", "check_sender_access inline:{ {spam.example = REJECT 4.1.1 odd} }");
        assertEquals("554 5.1.0 <x@spam.example>: Sender address rejected: odd", fixture.mail("x@spam.example"),
                "a recipient code fixed for a sender");
    }

    @Test
    void saslAccess() {
        fixture.listenerOptions.put("smtpd_sasl_auth_enable", "yes");
        fixture.saslUser = "mallory";
        fixture.clientAddress = "192.0.2.7";
        fixture.set("smtpd_relay_restrictions", "check_sasl_access inline:{ mallory=REJECT }, permit_sasl_authenticated, reject");
        assertEquals("554 5.7.1 <mallory>: SASL login name rejected: Access denied", fixture.rcpt("x@example.com"));
    }

    @Test
    void patternTablesSeeOnlyTheWholeAddress(@TempDir Path home) throws IOException {
        Files.writeString(home.resolve("access.re"), "/^example\\.com$/ REJECT\n/^bob@example\\.com$/ REJECT bob\n");
        fixture.home = home;
        assertNull(fixture.recipientRestrictions("check_recipient_access regexp:access.re", "carol@example.com"),
                "the domain alone is a partial key, not given to regexp tables");
        assertEquals("554 5.7.1 <bob@example.com>: Recipient address rejected: bob",
                fixture.recipientRestrictions("check_recipient_access regexp:access.re", "bob@example.com"));
    }
}
