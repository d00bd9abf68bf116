package io.tegami.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import io.tegami.api.rewrite.AddressClass;
import io.tegami.api.rewrite.RewriteContext;
import io.tegami.api.rewrite.RewriteException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which maps apply to which addresses: the {@code *_canonical_classes} parameters. */
class ClassesTest {

    @TempDir
    Path home;

    private Fixture f;

    @BeforeEach
    void tables() {
        f = new Fixture(home);
        f.set("sender_canonical_maps", f.table("hash", "sender", "joe@mail.example.com  joe.sender@example.org"));
        f.set("recipient_canonical_maps", f.table("hash", "recipient", "joe@mail.example.com  joe.rcpt@example.org"));
        f.set("canonical_maps", f.table("hash", "both",
                "ann@mail.example.com  ann.both@example.org",
                "joe.sender@example.org  joe.final@example.org"));
    }

    private String rewrite(String address, AddressClass c) throws RewriteException {
        return new Canonical(f.parameters).rewrite(address, c, Fixture.message(RewriteContext.LOCAL));
    }

    @Test
    void senderAndRecipientMapsByDefaultClasses() throws Exception {
        assertEquals("joe.final@example.org", rewrite("joe@mail.example.com", AddressClass.ENVELOPE_SENDER),
                "sender_canonical_maps first, then canonical_maps");
        assertEquals("joe.final@example.org", rewrite("joe", AddressClass.HEADER_SENDER));
        assertEquals("joe.rcpt@example.org", rewrite("joe@mail.example.com", AddressClass.ENVELOPE_RECIPIENT));
        assertEquals("joe.rcpt@example.org", rewrite("joe@mail.example.com", AddressClass.HEADER_RECIPIENT));
        for (AddressClass c : AddressClass.values()) {
            assertEquals("ann.both@example.org", rewrite("ann@mail.example.com", c), c.postfixName());
        }
    }

    @Test
    void classParametersNarrowTheMaps() throws Exception {
        f.set("sender_canonical_classes", "envelope_sender");
        f.set("recipient_canonical_classes", "header_recipient");
        f.set("canonical_classes", "envelope_recipient, header_recipient");
        assertEquals("joe.sender@example.org", rewrite("joe@mail.example.com", AddressClass.ENVELOPE_SENDER));
        assertEquals("joe@mail.example.com", rewrite("joe@mail.example.com", AddressClass.HEADER_SENDER));
        assertEquals("joe@mail.example.com", rewrite("joe@mail.example.com", AddressClass.ENVELOPE_RECIPIENT));
        assertEquals("joe.rcpt@example.org", rewrite("joe@mail.example.com", AddressClass.HEADER_RECIPIENT));
        assertEquals("ann@mail.example.com", rewrite("ann@mail.example.com", AddressClass.ENVELOPE_SENDER));
        assertEquals("ann.both@example.org", rewrite("ann@mail.example.com", AddressClass.ENVELOPE_RECIPIENT));
    }

    @Test
    void remoteHeaderAddressesAreCompletedWithTheRemoteDomain() throws Exception {
        f.set("remote_header_rewrite_domain", "domain.invalid");
        String remote = new Canonical(f.parameters).rewrite("joe", AddressClass.HEADER_SENDER, Fixture.message(RewriteContext.REMOTE));
        assertEquals("joe@domain.invalid", remote, "never mistaken for the local joe");
    }

    @Test
    void aChangedTableFileAppliesWithoutRestart() throws Exception {
        Canonical canonical = new Canonical(f.parameters);
        assertEquals("ann.both@example.org",
                canonical.rewrite("ann@mail.example.com", AddressClass.ENVELOPE_RECIPIENT, Fixture.message(RewriteContext.LOCAL)));
        f.set("canonical_maps", f.table("hash", "other", "ann@mail.example.com  ann.other@example.org"));
        assertEquals("ann.other@example.org",
                canonical.rewrite("ann@mail.example.com", AddressClass.ENVELOPE_RECIPIENT, Fixture.message(RewriteContext.LOCAL)));
    }
}
