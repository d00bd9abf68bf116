package io.tegami.smtp.restriction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Local recipient verification (Postfix's reject_unlisted_recipient) and relay_recipient_maps. */
class RecipientMapsTest {

    private final Fixture fixture = new Fixture();

    @Test
    void localRecipientsMustBeUsers() {
        fixture.set("recipient_delimiter", "+");
        assertNull(fixture.rcpt("alice@host"));
        assertNull(fixture.rcpt("Alice+news@LOCALHOST"));
        assertEquals("550 5.1.1 <bob@host>: Recipient address rejected: User unknown in local recipient table",
                fixture.rcpt("bob@host"));
        assertEquals(List.of("alice", "alice", "bob"), fixture.users.lookups());
    }

    @Test
    void checkedOnceEvenWhenListed() {
        fixture.set("smtpd_recipient_restrictions", "reject_unlisted_recipient, check_recipient_maps");
        assertEquals("550 5.1.1 <bob@host>: Recipient address rejected: User unknown in local recipient table",
                fixture.rcpt("bob@host"));
        assertEquals(List.of("bob"), fixture.users.lookups());
    }

    @Test
    void reservedLocalPartsAndTheirOwnSettings() {
        assertNull(fixture.rcpt("MAILER-DAEMON@host"));
        assertNull(fixture.rcpt("double-bounce@host"));
        assertNull(fixture.rcpt("postmaster"), "RFC 5321: postmaster without a domain, always");
        fixture.set("unknown_local_recipient_reject_code", "450").set("show_user_unknown_table_name", "no");
        assertEquals("450 4.1.1 <bob@host>: Recipient address rejected: User unknown", fixture.rcpt("bob@host"));
        fixture.set("smtpd_reject_unlisted_recipient", "no");
        assertNull(fixture.rcpt("bob@host"));
        fixture.set("smtpd_reject_unlisted_recipient", "yes").set("local_recipient_maps", "");
        assertNull(fixture.rcpt("bob@host"), "an empty local_recipient_maps turns the check off");
    }

    @Test
    void directoryTroubleIsTemporary() {
        fixture.withUsers = false;
        assertEquals("451 4.3.0 <alice@host>: Temporary lookup failure", fixture.rcpt("alice@host"));
        Fixture failing = new Fixture();
        failing.users.failing(true);
        assertEquals("451 4.3.0 <alice@host>: Temporary lookup failure", failing.rcpt("alice@host"));
    }

    @Test
    void unlistedSenders() {
        fixture.set("smtpd_reject_unlisted_sender", "yes");
        fixture.sender = "bob@host";
        assertEquals("550 5.1.0 <bob@host>: Sender address rejected: User unknown in local recipient table",
                fixture.rcpt("alice@host"));
        fixture.sender = "";
        assertNull(fixture.rcpt("alice@host"));
        fixture.set("smtpd_reject_unlisted_sender", "no").set("smtpd_sender_restrictions", "reject_unlisted_sender");
        fixture.sender = "bob@host";
        assertEquals("550 5.1.0 <bob@host>: Sender address rejected: User unknown in local recipient table",
                fixture.rcpt("alice@host"));
        fixture.sender = "bob@example.com";
        assertNull(fixture.rcpt("alice@host"), "remote senders are not checked");
    }

    @Test
    void relayRecipientMaps() {
        fixture.set("relay_domains", "relay.example").set("relay_recipient_maps", "inline:{ known@relay.example=x }");
        assertNull(fixture.rcpt("known@relay.example"));
        assertEquals("550 5.1.1 <who@relay.example>: Recipient address rejected: User unknown in relay recipient table",
                fixture.rcpt("who@relay.example"));
        fixture.set("relay_recipient_maps", "inline:{ @relay.example=x }");
        assertNull(fixture.rcpt("who@relay.example"));
    }

    @Test
    void aliasNamesAreLocalRecipients() {
        fixture.set("recipient_delimiter", "+");
        fixture.resolvers.add(a -> a.localPart().equalsIgnoreCase("staff")
                ? java.util.Optional.of(List.of(new io.tegami.api.address.Destination.Mailbox("alice")))
                : java.util.Optional.empty());
        assertNull(fixture.rcpt("Staff@host"));
        assertNull(fixture.rcpt("staff+tag@host"));
        assertEquals("550 5.1.1 <staffer@host>: Recipient address rejected: User unknown in local recipient table",
                fixture.rcpt("staffer@host"));
        Fixture failing = new Fixture();
        failing.resolvers.add(a -> {
            throw new java.io.UncheckedIOException(new java.io.IOException("include file missing"));
        });
        assertEquals("451 4.3.0 <alice@host>: Temporary lookup failure", failing.rcpt("alice@host"));
    }

    @Test
    void withAliasMapsSetButNoAliasServiceUnknownNamesAreDeferredAndUsersAccepted() {
        fixture.set("alias_maps", "hash:configs/aliases");
        assertEquals("451 4.3.0 <staff@host>: Temporary lookup failure", fixture.rcpt("staff@host"),
                "staff may be an alias while the aliases bundle is away");
        assertNull(fixture.rcpt("alice@host"), "a user is known without the aliases");
        Fixture unset = new Fixture();
        unset.set("alias_maps", "");
        assertEquals("550 5.1.1 <staff@host>: Recipient address rejected: User unknown in local recipient table",
                unset.rcpt("staff@host"));
    }
}
