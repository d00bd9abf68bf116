package io.tegami.smtp.restriction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.tegami.smtp.restriction.ResolvedAddress.AddressClass;

/**
 * trivial-rewrite's resolver: every routing form that hides a remote destination behind our own
 * domain resolves to the remote destination, or stays behind a routing operator (routed), as
 * Postfix's resolve.c makes of it. "host" and "localhost" are ours.
 */
class TrivialResolverTest {

    private final Fixture fixture = new Fixture();

    private ResolvedAddress resolve(String address) {
        return TrivialResolver.resolve(address, fixture.state("RCPT").settings());
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "user@other.example|user@other.example|DEFAULT|false",
        "user%other.example@host|user@other.example|DEFAULT|false",
        "other.example!user@host|user@other.example|DEFAULT|false",
        "user@other.example@host|user@other.example|DEFAULT|false",
        "user@other.example.@host|user@other.example|DEFAULT|false",
        "user%other.example@localhost|user@other.example|DEFAULT|false",
        "user%other.example|user@other.example|DEFAULT|false",
        "other.example!user|user@other.example|DEFAULT|false",
        "user@[127.0.0.1]|user@[127.0.0.1]|DEFAULT|false",
        "user%other.example@[127.0.0.1]|user%other.example@[127.0.0.1]|DEFAULT|true",
        "a!b!user@host|b!user@a|DEFAULT|true",
        "user@host@host|user@host|LOCAL|false",
        "user%host@host|user@host|LOCAL|false",
        "host!user@host|user@host|LOCAL|false",
        "alice@host|alice@host|LOCAL|false",
        "alice@HOST.|alice@HOST|LOCAL|false",
        "alice|alice@host|LOCAL|false",
        "user@other.example.|user@other.example|DEFAULT|false",
    })
    void routingFormsResolveToWhereTheMailWouldGo(String address, String recipient, AddressClass cls, boolean routed) {
        ResolvedAddress r = resolve(address);
        assertEquals(recipient, r.recipient(), address);
        assertEquals(cls, r.addressClass(), address);
        assertEquals(routed, r.routed(), address);
    }

    @Test
    void quotedLocalPartsAreCrackedOpen() {
        // RCPT TO:<"user@other.example"@host> reaches us as user@other.example@host, unquoted.
        assertEquals("user@other.example", resolve("user@other.example@host").recipient());
        assertEquals("user@other.example", resolve("other.example!user@host").recipient());
        ResolvedAddress plain = resolve("john doe@host");
        assertEquals("john doe@host", plain.recipient());
        assertEquals(AddressClass.LOCAL, plain.addressClass());
    }

    @Test
    void withoutThePercentHackThePercentStaysAndIsRouted() {
        fixture.set("allow_percent_hack", "no");
        ResolvedAddress r = resolve("user%other.example@host");
        assertEquals("user%other.example@host", r.recipient());
        assertEquals(AddressClass.LOCAL, r.addressClass());
        assertTrue(r.routed());
    }

    @Test
    void withoutBangpathSwappingTheBangStaysAndIsRouted() {
        fixture.set("swap_bangpath", "no");
        ResolvedAddress r = resolve("other.example!user@host");
        assertEquals("other.example!user@host", r.recipient());
        assertTrue(r.routed());
    }

    @Test
    void relayDomainsAndTheirSubdomains() {
        fixture.set("relay_domains", "relay.example, .sub.example");
        assertEquals(AddressClass.RELAY, resolve("u@relay.example").addressClass());
        assertEquals(AddressClass.RELAY, resolve("u@deep.relay.example").addressClass(), "parent_domain_matches_subdomains");
        assertEquals(AddressClass.RELAY, resolve("u@x.sub.example").addressClass());
        assertEquals(AddressClass.DEFAULT, resolve("u@sub.example").addressClass());
        assertEquals(AddressClass.DEFAULT, resolve("u@other.example").addressClass());
        fixture.set("parent_domain_matches_subdomains", "");
        assertEquals(AddressClass.DEFAULT, resolve("u@deep.relay.example").addressClass());
        fixture.set("relay_domains", "!no.relay.example, relay.example");
        fixture.set("parent_domain_matches_subdomains", "relay_domains");
        assertEquals(AddressClass.DEFAULT, resolve("u@no.relay.example").addressClass());
        fixture.set("relay_domains", "inline:{ relay.example=yes }");
        assertEquals(AddressClass.RELAY, resolve("u@a.relay.example").addressClass());
    }

    @Test
    void badDomainsAreErrors() {
        assertTrue(resolve("u@bad..example@host").error());
        assertTrue(resolve("u@[999.1.1.1]").error());
        assertFalse(resolve("u@[192.0.2.1]").error());
    }

    @Test
    void emptyLocalPartBecomesMailerDaemon() {
        assertEquals("MAILER-DAEMON@host", resolve("@host").recipient());
    }
}
