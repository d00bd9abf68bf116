package io.tegami.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import io.tegami.api.rewrite.AddressClass;
import io.tegami.api.rewrite.RewriteContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasqueradeTest {

    @TempDir
    Path home;

    private static String masq(Fixture f, String address) throws Exception {
        return new Masquerade(f.parameters, new Tables(f.parameters)).apply(address);
    }

    @Test
    void subdomainsAreStrippedToTheListedDomain() throws Exception {
        Fixture f = new Fixture(home).set("masquerade_domains", "$mydomain");
        assertEquals("joe@example.com", masq(f, "joe@mail.example.com"));
        assertEquals("joe@example.com", masq(f, "joe@a.b.EXAMPLE.com"));
        assertEquals("joe@example.com", masq(f, "joe@example.com"));
        assertEquals("joe@notexample.com", masq(f, "joe@notexample.com"), "a parent must end at a dot");
        assertEquals("joe", masq(f, "joe"));
    }

    @Test
    void firstMatchingEntryWinsAndBangKeepsTheHost() throws Exception {
        Fixture f = new Fixture(home).set("masquerade_domains", "!sub.example.com, example.com");
        assertEquals("joe@sub.example.com", masq(f, "joe@sub.example.com"));
        assertEquals("joe@host.sub.example.com", masq(f, "joe@host.sub.example.com"), "nor its subdomains");
        assertEquals("joe@example.com", masq(f, "joe@other.example.com"));
        f.set("masquerade_domains", "sub.example.com, example.com");
        assertEquals("joe@sub.example.com", masq(f, "joe@host.sub.example.com"), "the more specific entry first");
        assertEquals("joe@sub.example.com", masq(f, "joe@sub.example.com"), "a listed domain itself stays");
    }

    @Test
    void exceptionsByNameOrTable() throws Exception {
        Fixture f = new Fixture(home).set("masquerade_domains", "example.com").set("masquerade_exceptions", "root, MAILER-DAEMON");
        assertEquals("Root@mail.example.com", masq(f, "Root@mail.example.com"));
        assertEquals("mailer-daemon@mail.example.com", masq(f, "mailer-daemon@mail.example.com"));
        assertEquals("joe@example.com", masq(f, "joe@mail.example.com"));
        f.set("masquerade_exceptions", f.table("hash", "exceptions", "joe whatever"));
        assertEquals("joe@mail.example.com", masq(f, "joe@mail.example.com"));
        assertEquals("ann@example.com", masq(f, "ann@mail.example.com"));
    }

    @Test
    void masqueradeClassesDefaultLeavesEnvelopeRecipientsAlone() throws Exception {
        Fixture f = new Fixture(home).set("masquerade_domains", "example.com");
        Canonical c = new Canonical(f.parameters);
        assertEquals("joe@example.com", c.rewrite("joe@mail.example.com", AddressClass.ENVELOPE_SENDER, Fixture.message(RewriteContext.LOCAL)));
        assertEquals("joe@example.com", c.rewrite("joe", AddressClass.HEADER_SENDER, Fixture.message(RewriteContext.LOCAL)));
        assertEquals("joe@example.com", c.rewrite("joe", AddressClass.HEADER_RECIPIENT, Fixture.message(RewriteContext.LOCAL)));
        assertEquals("joe@mail.example.com", c.rewrite("joe@mail.example.com", AddressClass.ENVELOPE_RECIPIENT, Fixture.message(RewriteContext.LOCAL)));
        f.set("masquerade_classes", "envelope_recipient");
        assertEquals("joe@example.com", c.rewrite("joe@mail.example.com", AddressClass.ENVELOPE_RECIPIENT, Fixture.message(RewriteContext.LOCAL)));
        assertEquals("joe@mail.example.com", c.rewrite("joe@mail.example.com", AddressClass.ENVELOPE_SENDER, Fixture.message(RewriteContext.LOCAL)));
    }
}
