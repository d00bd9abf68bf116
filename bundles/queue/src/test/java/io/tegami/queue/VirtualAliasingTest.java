package io.tegami.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import io.tegami.api.rewrite.AddressRewriter;
import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.mail.RecipientDsn;
import io.tegami.api.mail.RecipientDsn.Notify;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueException;
import io.tegami.api.rewrite.MessageContext;
import io.tegami.api.rewrite.RewriteException;
import io.tegami.api.service.RankedServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** virtual(5) expansion in cleanup: key order, recursion, limits, extensions, DSN, failures. */
class VirtualAliasingTest {

    @TempDir
    Path home;

    private MapMailParameters parameters;
    private final VirtualAliasing virtual = new VirtualAliasing();

    @BeforeEach
    void setUp() {
        parameters = MapMailParameters.of(home, "myhostname", "mail.example.com", "myorigin", "$myhostname",
                "mydestination", "$myhostname, localhost", "inet_interfaces", "loopback-only",
                "recipient_delimiter", "+", "virtual_alias_maps", "hash:virtual");
    }

    private void table(String... lines) throws IOException {
        Files.writeString(home.resolve("virtual"), String.join("\n", lines) + "\n");
    }

    private List<String> expand(String address) throws RewriteException {
        return virtual.expand(MailAddress.parse(address), parameters, MessageContext.NOQUEUE).stream()
                .map(MailAddress::toString).toList();
    }

    @Test
    void keyOrderUserAtDomainThenUserOnlyForLocalDomainsThenCatchAll() throws Exception {
        table("info@example.test alice, bob@example.org", "@example.test catchall@example.org",
                "sales joe");
        assertEquals(List.of("alice@mail.example.com", "bob@example.org"), expand("info@example.test"),
                "an unqualified result gets @$myorigin");
        assertEquals(List.of("catchall@example.org"), expand("sales@example.test"), "bare user keys are for local domains only");
        assertEquals(List.of("joe@mail.example.com"), expand("sales@mail.example.com"));
        assertEquals(List.of("nobody@mail.example.com"), expand("nobody@mail.example.com"));
        table("@mail.example.com everyone@example.org", "sales joe");
        assertEquals(List.of("everyone@example.org"), expand("sales@mail.example.com"),
                "the result joe@mail.example.com is looked up again and caught by the catch-all");
        assertEquals(List.of("someone@elsewhere.test"), expand("someone@elsewhere.test"), "unlisted addresses stay");
    }

    @Test
    void expandsRecursivelyAndStopsAtSelfReference() throws Exception {
        table("list@example.test a@example.test, b@example.test", "a@example.test a@example.test, archive@example.org",
                "b@example.test c@example.org", "archive@example.org archive@example.org");
        assertEquals(List.of("a@example.test", "c@example.org", "archive@example.org"), expand("list@example.test"));
    }

    @Test
    void duplicatesAreRemoved() throws Exception {
        table("x@example.test a@example.org, y@example.test", "y@example.test a@example.org, b@example.org");
        assertEquals(List.of("a@example.org", "b@example.org"), expand("x@example.test"));
    }

    @Test
    void domainResultKeepsTheUser() throws Exception {
        table("@old.test @new.test");
        assertEquals(List.of("joe@new.test"), expand("joe@old.test"));
        assertEquals(List.of("joe+tag@new.test"), expand("joe+tag@old.test"), "the whole local part goes to the new domain");
    }

    @Test
    void unmatchedExtensionIsPropagatedWhenVirtualIsListed() throws Exception {
        table("joe@example.test joe@example.org, jo@example.net");
        assertEquals(List.of("joe+tag@example.org", "jo+tag@example.net"), expand("joe+tag@example.test"));
        parameters.set("propagate_unmatched_extensions", "canonical");
        assertEquals(List.of("joe@example.org", "jo@example.net"), expand("joe+tag@example.test"));
    }

    @Test
    void loopsHitTheRecursionLimit() throws Exception {
        table("a@example.test b@example.test", "b@example.test a@example.test");
        parameters.set("virtual_alias_recursion_limit", "10");
        RewriteException e = assertThrows(RewriteException.class, () -> expand("a@example.test"));
        assertEquals("unreasonable virtual_alias_maps map nesting for a@example.test", e.getMessage());
    }

    @Test
    void tooManyAddressesHitTheExpansionLimit() throws Exception {
        table("big@example.test a@x.test b@x.test c@x.test d@x.test");
        parameters.set("virtual_alias_expansion_limit", "3");
        RewriteException e = assertThrows(RewriteException.class, () -> expand("big@example.test"));
        assertEquals("unreasonable virtual_alias_maps map expansion size for big@example.test", e.getMessage());
        parameters.set("virtual_alias_expansion_limit", "4");
        assertEquals(4, expand("big@example.test").size());
    }

    @Test
    void lookupFailureRefusesTheMessageForNow() throws Exception {
        parameters.set("virtual_alias_maps", "fail:virtual");
        assertThrows(RewriteException.class, () -> expand("a@example.test"));
        parameters.set("virtual_alias_maps", "nosuchtype:virtual");
        assertThrows(RewriteException.class, () -> expand("a@example.test"));
    }

    @Test
    void cleanupGivesEachExpandedAddressTheOriginalsDsn() throws Exception {
        table("info@example.test alice@example.org, bob@example.org, info@example.test");
        MailAddress info = MailAddress.parse("info@example.test");
        MailAddress other = MailAddress.parse("carol@example.net");
        RecipientDsn notify = new RecipientDsn(EnumSet.of(Notify.SUCCESS, Notify.FAILURE), null);
        Envelope envelope = new Envelope(MailAddress.parse("s@example.net"), List.of(info, other), Map.of(),
                Map.of(info, notify, other, new RecipientDsn(EnumSet.of(Notify.NEVER), "rfc822;carol@example.net")));
        CapturingQueue queue = new CapturingQueue();
        try (MessageWriter w = new Cleanup(new RankedServices<>(), Clock.systemUTC()).create(queue, envelope, parameters)) {
            w.content().write("Subject: x\n\nhi\n".getBytes());
            w.commit();
        }
        Envelope queued = queue.envelope;
        assertEquals(List.of("alice@example.org", "bob@example.org", "info@example.test", "carol@example.net"),
                queued.recipients().stream().map(MailAddress::toString).toList());
        RecipientDsn inherited = queued.dsn(MailAddress.parse("bob@example.org"));
        assertEquals(notify.notifyOn(), inherited.notifyOn());
        assertEquals("rfc822;info@example.test", inherited.orcpt(), "ORCPT is the original recipient");
        assertEquals(notify, queued.dsn(info), "the self-reference keeps its own parameters");
        assertEquals("rfc822;carol@example.net", queued.dsn(other).orcpt());

        RecipientDsn given = new RecipientDsn(EnumSet.of(Notify.DELAY), "rfc822;INFO@example.test");
        assertEquals(given, EnvelopeCleanup.inherited(info, given), "a client's ORCPT is passed on as it is");
    }

    @Test
    void cleanupRefusesWhenTheTableFails() {
        parameters.set("virtual_alias_maps", "fail:virtual");
        Envelope envelope = Envelope.of(MailAddress.parse("s@example.net"), List.of(MailAddress.parse("a@example.test")));
        assertThrows(QueueException.class,
                () -> new Cleanup(new RankedServices<>(), Clock.systemUTC()).create(new CapturingQueue(), envelope, parameters));
    }

    @Test
    void withoutMapsNothingChanges() throws Exception {
        parameters.set("virtual_alias_maps", "");
        assertEquals(List.of("a@example.test"), expand("a@example.test"));
    }
}
