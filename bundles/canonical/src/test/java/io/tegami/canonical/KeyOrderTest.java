package io.tegami.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import io.tegami.api.rewrite.AddressClass;
import io.tegami.api.rewrite.RewriteContext;
import io.tegami.api.rewrite.RewriteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** canonical(5): TABLE SEARCH ORDER, ADDRESS EXTENSION and REGULAR EXPRESSION TABLES. */
class KeyOrderTest {

    @TempDir
    Path home;

    private static String rcpt(Fixture f, String address) throws RewriteException {
        return new Canonical(f.parameters).rewrite(address, AddressClass.ENVELOPE_RECIPIENT, Fixture.message(RewriteContext.LOCAL));
    }

    @Test
    void fullAddressBeatsUserBeatsAtDomain() throws Exception {
        Fixture f = new Fixture(home);
        f.set("canonical_maps", f.table("hash", "canonical",
                "@mail.example.com  catchall@example.org",
                "joe                joe.user@example.org",
                "joe@mail.example.com  joseph@example.org"));
        assertEquals("joseph@example.org", rcpt(f, "joe@mail.example.com"));
        assertEquals("catchall@example.org", rcpt(f, "ann@mail.example.com"));
        f.set("canonical_maps", f.table("hash", "canonical2",
                "@mail.example.com  catchall@example.org",
                "joe                joe.user@example.org"));
        assertEquals("joe.user@example.org", rcpt(f, "joe@mail.example.com"));
    }

    @Test
    void bareUserKeyOnlyForLocalDomains() throws Exception {
        Fixture f = new Fixture(home);
        f.set("canonical_maps", f.table("hash", "canonical", "joe  joe.user@example.org"));
        assertEquals("joe.user@example.org", rcpt(f, "joe@mail.example.com"), "$myorigin");
        assertEquals("joe.user@example.org", rcpt(f, "joe@localhost"), "$mydestination");
        assertEquals("joe.user@example.org", rcpt(f, "joe@[127.0.0.1]"), "an inet_interfaces address literal");
        assertEquals("joe@elsewhere.org", rcpt(f, "joe@elsewhere.org"));
        assertEquals("joe@[192.0.2.99]", rcpt(f, "joe@[192.0.2.99]"));
    }

    @Test
    void everyTableIsAskedForAKeyBeforeTheNextKey() throws Exception {
        Fixture f = new Fixture(home);
        String first = f.table("hash", "first", "@mail.example.com  domain@example.org");
        String second = f.table("texthash", "second", "joe@mail.example.com  full@example.org");
        f.set("canonical_maps", first + ", " + second);
        assertEquals("full@example.org", rcpt(f, "joe@mail.example.com"));
    }

    @Test
    void recipientDelimiterLookupOrderAndPropagation() throws Exception {
        Fixture f = new Fixture(home).set("recipient_delimiter", "+");
        f.set("canonical_maps", f.table("hash", "canonical",
                "joe+list@mail.example.com  joe-lists@example.org",
                "joe@mail.example.com       joseph@example.org",
                "ann                        anne@example.org"));
        assertEquals("joe-lists@example.org", rcpt(f, "joe+list@mail.example.com"), "the full key first");
        assertEquals("joseph+news@example.org", rcpt(f, "joe+news@mail.example.com"),
                "user@domain, with the unmatched extension put back (propagate_unmatched_extensions = canonical)");
        assertEquals("anne+x@example.org", rcpt(f, "ann+x@localhost"), "user+ext then user for a local domain");
        f.set("propagate_unmatched_extensions", "virtual");
        assertEquals("joseph@example.org", rcpt(f, "joe+news@mail.example.com"));
    }

    @Test
    void delimiterSplitExceptions() throws Exception {
        Fixture f = new Fixture(home).set("recipient_delimiter", "-");
        f.set("canonical_maps", f.table("hash", "canonical",
                "owner@mail.example.com  wrong@example.org",
                "list@mail.example.com   wrong@example.org",
                "joe@mail.example.com    joseph@example.org"));
        assertEquals("owner-list@mail.example.com", rcpt(f, "owner-list@mail.example.com"));
        assertEquals("list-request@mail.example.com", rcpt(f, "list-request@mail.example.com"));
        assertEquals("joseph-x@example.org", rcpt(f, "joe-x@mail.example.com"));
    }

    @Test
    void atOtherDomainKeepsTheUser() throws Exception {
        Fixture f = new Fixture(home).set("recipient_delimiter", "+");
        f.set("canonical_maps", f.table("hash", "canonical",
                "@old.example.org  @new.example.org",
                "joe@mail.example.com  @example.org"));
        assertEquals("ann@new.example.org", rcpt(f, "ann@old.example.org"));
        assertEquals("ann+tag@new.example.org", rcpt(f, "ann+tag@old.example.org"), "an @domain match keeps the extension");
        assertEquals("joe+tag@example.org", rcpt(f, "joe+tag@mail.example.com"), "stripped, then propagated");
    }

    @Test
    void regexpTablesSeeOnlyTheWholeAddress() throws Exception {
        Fixture f = new Fixture(home).set("recipient_delimiter", "+");
        f.set("canonical_maps", f.table("regexp", "canonical.re",
                "/^(.*)@old\\.example\\.org$/  ${1}@new.example.org",
                "/^joe$/  never@example.org",
                "/^@mail\\.example\\.com$/  never@example.org"));
        assertEquals("ann+x@new.example.org", rcpt(f, "ann+x@old.example.org"), "the whole address, extension included");
        assertEquals("joe@mail.example.com", rcpt(f, "joe@mail.example.com"), "no user or @domain keys for regexp");
        assertEquals("bob@mail.example.com", rcpt(f, "bob"), "the completed address is looked up");
    }

    @Test
    void resultsAreCompletedAndMappedAgainUntilStable() throws Exception {
        Fixture f = new Fixture(home);
        f.set("canonical_maps", f.table("hash", "canonical",
                "a@mail.example.com  b",
                "b@mail.example.com  c@example.org",
                "loop1@example.org  loop2@example.org",
                "loop2@example.org  loop1@example.org",
                "self@example.org  SELF@example.org"));
        assertEquals("c@example.org", rcpt(f, "a@mail.example.com"), "b completed with @$myorigin, then mapped again");
        assertEquals("SELF@example.org", rcpt(f, "self@example.org"), "maps onto itself: stops");
        String looped = rcpt(f, "loop1@example.org");
        assertEquals(true, looped.equals("loop1@example.org") || looped.equals("loop2@example.org"), looped);
    }

    @Test
    void multiValuedEntryUsesTheFirstAddress() throws Exception {
        Fixture f = new Fixture(home);
        f.set("canonical_maps", f.table("hash", "canonical", "joe@example.org  first@example.org, second@example.org"));
        assertEquals("first@example.org", rcpt(f, "joe@example.org"));
    }

    @Test
    void quotedLocalPartsAreLookedUpQuoted() throws Exception {
        Fixture f = new Fixture(home);
        f.set("canonical_maps", f.table("hash", "canonical", "\"joe.\"@example.org  \"j..d\"@example.net"));
        assertEquals("j..d@example.net", rcpt(f, "joe.@example.org"));
    }

    @Test
    void missingTableIsATemporaryFailure() {
        Fixture f = new Fixture(home).set("canonical_maps", "hash:" + home.resolve("nonexistent"));
        assertThrows(RewriteException.class, () -> rcpt(f, "joe@example.org"));
        f.set("canonical_maps", "nosuchtype:/x");
        assertThrows(RewriteException.class, () -> rcpt(f, "joe@example.org"));
    }
}
