package io.tegami.smtp.restriction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** smtpd_sender_login_maps and the sender login mismatch restrictions. */
class LoginMismatchTest {

    private final Fixture fixture = new Fixture();

    @BeforeEach
    void maps() {
        fixture.listenerOptions.put("smtpd_sasl_auth_enable", "yes");
        fixture.set("recipient_delimiter", "+");
        fixture.set("smtpd_sender_login_maps",
                "inline:{ {alice@example.com = alice}, {shared@example.com = alice, bob}, {@team.example = carol} }");
    }

    private String mail(String restriction, String user, String sender) {
        fixture.saslUser = user;
        fixture.set("smtpd_sender_restrictions", restriction);
        return fixture.mail(sender);
    }

    @Test
    void authenticatedClientsMayUseOnlyTheirOwnSenders() {
        String r = "reject_authenticated_sender_login_mismatch";
        assertNull(mail(r, "alice", "alice@example.com"));
        assertNull(mail(r, "ALICE", "alice@example.com"), "login names compare without case");
        assertNull(mail(r, "alice", "alice+lists@example.com"), "the address without its extension");
        assertNull(mail(r, "bob", "shared@example.com"));
        assertNull(mail(r, "carol", "anyone@team.example"), "@domain");
        assertEquals("553 5.7.1 <alice@example.com>: Sender address rejected: not owned by user bob",
                mail(r, "bob", "alice@example.com"));
        assertEquals("553 5.7.1 <stranger@example.org>: Sender address rejected: not owned by user bob",
                mail(r, "bob", "stranger@example.org"), "unknown senders are not owned either");
        assertNull(mail(r, null, "alice@example.com"), "only authenticated clients");
        assertNull(mail(r, "bob", ""), "never the null sender");
    }

    @Test
    void unauthenticatedClientsMayNotUseOwnedSenders() {
        String r = "reject_unauthenticated_sender_login_mismatch";
        assertEquals("553 5.7.1 <alice@example.com>: Sender address rejected: not logged in", mail(r, null, "alice@example.com"));
        assertNull(mail(r, null, "stranger@example.org"));
        assertNull(mail(r, "bob", "alice@example.com"));
    }

    @Test
    void knownAndBoth() {
        assertNull(mail("reject_known_sender_login_mismatch", "bob", "stranger@example.org"));
        assertEquals("553 5.7.1 <alice@example.com>: Sender address rejected: not owned by user bob",
                mail("reject_known_sender_login_mismatch", "bob", "alice@example.com"));
        assertEquals("553 5.7.1 <alice@example.com>: Sender address rejected: not logged in",
                mail("reject_known_sender_login_mismatch", null, "alice@example.com"));
        assertEquals("553 5.7.1 <alice@example.com>: Sender address rejected: not owned by user bob",
                mail("reject_sender_login_mismatch", "bob", "alice@example.com"));
        assertEquals("553 5.7.1 <alice@example.com>: Sender address rejected: not logged in",
                mail("reject_sender_login_mismatch", null, "alice@example.com"));
    }

    @Test
    void localSendersAreAlsoLookedUpByLocalPart() {
        fixture.set("smtpd_sender_login_maps", "inline:{ alice=alice }");
        assertNull(mail("reject_sender_login_mismatch", "alice", "alice@localhost"));
        assertNull(mail("reject_sender_login_mismatch", "alice", "alice"), "qualified with $myorigin");
        assertEquals("553 5.7.1 <alice@example.com>: Sender address rejected: not owned by user alice",
                mail("reject_sender_login_mismatch", "alice", "alice@example.com"));
    }

    @Test
    void ignoredWithoutSasl() {
        fixture.listenerOptions.put("smtpd_sasl_auth_enable", "no");
        assertNull(mail("reject_sender_login_mismatch", "bob", "alice@example.com"));
    }

    @Test
    void atRcptWithDelayedRestrictions() {
        fixture.saslUser = "bob";
        fixture.sender = "alice@example.com";
        fixture.set("smtpd_sender_restrictions", "reject_sender_login_mismatch");
        assertEquals("553 5.7.1 <alice@example.com>: Sender address rejected: not owned by user bob",
                fixture.rcpt("alice@host"));
    }
}
