package io.tegami.smtp.restriction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** virtual_alias_domains as destinations, and virtual_alias_maps as the list of their users. */
class VirtualAliasesTest {

    private static final String UNKNOWN = "550 5.1.1 <%s>: Recipient address rejected: User unknown in virtual alias table";

    private final Fixture fixture = new Fixture();

    @Test
    void virtualAliasDomainsAreDestinationsWhoseUsersMustBeListed() {
        fixture.set("virtual_alias_domains", "example.test")
                .set("virtual_alias_maps", "inline:{ info@example.test=alice@host, sales@example.test=bob@example.org }");
        assertNull(fixture.rcpt("info@example.test"), "not relaying: a final destination");
        assertNull(fixture.rcpt("Sales@Example.TEST"));
        assertEquals(String.format(UNKNOWN, "nobody@example.test"), fixture.rcpt("nobody@example.test"));
        fixture.set("unknown_virtual_alias_reject_code", "450");
        assertEquals("450 4.1.1 <nobody@example.test>: Recipient address rejected: User unknown in virtual alias table",
                fixture.rcpt("nobody@example.test"));
    }

    @Test
    void aCatchAllListsEveryAddress() {
        fixture.set("virtual_alias_domains", "example.test")
                .set("virtual_alias_maps", "inline:{ @example.test=alice@host }");
        assertNull(fixture.rcpt("anyone@example.test"));
    }

    @Test
    void extensionsAreStrippedAsVirtualDoes() {
        fixture.set("recipient_delimiter", "+").set("virtual_alias_domains", "example.test")
                .set("virtual_alias_maps", "inline:{ info@example.test=alice@host }");
        assertNull(fixture.rcpt("info+list@example.test"));
        assertEquals(String.format(UNKNOWN, "infox@example.test"), fixture.rcpt("infox@example.test"));
    }

    @Test
    void byDefaultTheDomainsAreTheBareDomainKeysOfTheMaps() {
        fixture.set("virtual_alias_maps", "inline:{ example.test=anything, info@example.test=alice@host, info@other.test=alice@host }");
        assertNull(fixture.rcpt("info@example.test"));
        assertEquals(String.format(UNKNOWN, "nobody@example.test"), fixture.rcpt("nobody@example.test"));
        assertEquals("454 4.7.1 <info@other.test>: Relay access denied", fixture.rcpt("info@other.test"),
                "a domain only named in user@domain keys is not a virtual alias domain");
        fixture.set("virtual_alias_domains", "");
        assertEquals("454 4.7.1 <info@example.test>: Relay access denied", fixture.rcpt("info@example.test"));
    }

    @Test
    void anAddressTheMapsRewriteIsListedInLocalDomainsToo() {
        fixture.set("virtual_alias_maps", "inline:{ sales@host=alice@host, helpdesk=alice@host }");
        assertNull(fixture.rcpt("sales@host"), "not a user, but virtual_alias_maps lists it");
        assertNull(fixture.rcpt("helpdesk@host"), "bare user keys apply to local domains");
        assertEquals("550 5.1.1 <bob@host>: Recipient address rejected: User unknown in local recipient table",
                fixture.rcpt("bob@host"));
    }

    @Test
    void lookupFailuresAreTemporary() {
        fixture.set("virtual_alias_domains", "example.test").set("virtual_alias_maps", "fail:virtual");
        assertEquals("451 4.3.0 <info@example.test>: Temporary lookup failure", fixture.rcpt("info@example.test"));
        Fixture domains = new Fixture().set("virtual_alias_domains", "fail:domains");
        assertEquals("451 4.3.0 <info@example.test>: Temporary lookup failure", domains.rcpt("info@example.test"));
    }
}
