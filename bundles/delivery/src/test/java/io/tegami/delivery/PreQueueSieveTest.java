package io.tegami.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tegami.api.address.AddressResolver;
import io.tegami.api.address.Destination;
import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.sieve.SieveEngineImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-queue ereject check against the real engine, and sieve_required at delivery. */
class PreQueueSieveTest {

    static final String MAIL = "From: alice@far.test\nTo: bob@here.test\nSubject: buy now\nMessage-ID: <m1@far.test>\n\nbody\n";
    static final MailAddress ALICE = MailAddress.parse("alice@far.test");
    static final MailAddress BOB = MailAddress.parse("bob@here.test");

    @TempDir
    Path root;
    SieveHarness h;
    PreQueueSieve check;

    @BeforeEach
    void setUp() {
        h = new SieveHarness(root, null);
        check = new PreQueueSieve(h.parameters, SieveEngineImpl.withBundledExtensions(),
                Clock.fixed(Instant.parse("2024-06-04T10:15:30Z"), ZoneOffset.UTC));
        check.bindDirectory(h.directory);
        AddressResolver aliases = address -> switch (address.localPart()) {
            case "robert" -> Optional.of(List.of(new Destination.Address(BOB)));
            case "both" -> Optional.of(List.of(new Destination.Address(BOB),
                    new Destination.Address(MailAddress.parse("carol@here.test"))));
            default -> Optional.empty();
        };
        check.bindResolver(aliases, Map.of("service.id", 1L));
    }

    private Optional<String> ereject(MailAddress rcpt) {
        return check.ereject(new Fakes.Message(Envelope.of(ALICE, List.of(rcpt)), MAIL), rcpt);
    }

    @Test
    void erejectGivesTheReason() throws Exception {
        h.script("bob", "require \"ereject\";\nif header :contains \"subject\" \"buy\" { ereject \"No spam, thanks\"; }\n");
        assertTrue(check.filters(ALICE, BOB));
        assertEquals(Optional.of("No spam, thanks"), ereject(BOB));
        // Through an alias that leads to bob alone, his script decides too.
        assertEquals(Optional.of("No spam, thanks"), ereject(MailAddress.parse("robert@here.test")));
    }

    @Test
    void plainRejectAndKeepAreNotRefusedBeforeTheQueue() throws Exception {
        h.script("bob", "require \"reject\";\nreject \"no\";\n");
        assertEquals(Optional.empty(), ereject(BOB));
        Files.writeString(root.resolve("bob/sieve/main.sieve"), "keep;\n");
        assertEquals(Optional.empty(), ereject(BOB));
    }

    @Test
    void whoIsFiltered() throws Exception {
        h.script("bob", "require \"ereject\";\nereject \"x\";\n");
        assertFalse(check.filters(ALICE, MailAddress.parse("carol@here.test")), "no scripts");
        assertFalse(check.filters(ALICE, MailAddress.parse("nobody@here.test")), "unknown user");
        assertFalse(check.filters(ALICE, MailAddress.parse("bob@far.test")), "not a local domain");
        assertFalse(check.filters(ALICE, MailAddress.parse("both@here.test")), "a list");
        h.parameters.set("mailbox_command", "/usr/bin/procmail");
        assertFalse(check.filters(ALICE, BOB), "mailbox_command bypasses Sieve");
    }

    @Test
    void sieveBeforeScriptsCount() throws Exception {
        Path before = root.resolve("before.sieve");
        Files.writeString(before, "require \"ereject\";\nereject \"global policy\";\n");
        h.parameters.set("sieve_before", before.toString());
        assertTrue(check.filters(ALICE, MailAddress.parse("carol@here.test")));
        assertEquals(Optional.of("global policy"), ereject(MailAddress.parse("carol@here.test")));
    }

    @Test
    void noSideEffects() throws Exception {
        h.script("bob", "require [\"ereject\", \"duplicate\", \"vacation\"];\n"
                + "if duplicate { ereject \"seen\"; }\nvacation \"away\";\n");
        assertEquals(Optional.empty(), ereject(BOB));
        assertEquals(Optional.empty(), ereject(BOB), "nothing was remembered by the first run");
        assertFalse(Files.exists(root.resolve("bob").resolve(DuplicateMemory.FILE)));
        assertTrue(h.queue.envelopes.isEmpty(), "no vacation reply");
    }

    @Test
    void mailboxTestsMakeItInconclusive() throws Exception {
        h.script("bob", "require [\"ereject\", \"mailbox\"];\nif not mailboxexists \"Spam\" { ereject \"x\"; }\n");
        assertEquals(Optional.empty(), ereject(BOB));
    }

    @Test
    void aFailedRunLeavesItToDelivery() throws Exception {
        h.script("bob", "require [\"ereject\", \"vacation\"];\nvacation \"a\";\nereject \"x\";\n");
        assertEquals(Optional.empty(), ereject(BOB));
    }

    @Test
    void sieveRequiredDefersWithoutEngine() throws Exception {
        h.script("bob", "keep;\n");
        h.parameters.set("sieve_required", "yes");
        DeliveryResult r = h.deliver("alice@far.test", "bob@here.test", MAIL);
        assertEquals(DeliveryResult.Status.DEFERRED, r.status());
        assertEquals("4.3.0", r.dsn());
        assertTrue(h.folder("bob", "").isEmpty());
        // carol has no script: nothing to wait for.
        assertEquals(DeliveryResult.Status.SENT, h.deliver("alice@far.test", "carol@here.test", MAIL).status());
        h.agent.bindSieve(SieveEngineImpl.withBundledExtensions());
        assertEquals(DeliveryResult.Status.SENT, h.deliver("alice@far.test", "bob@here.test", MAIL).status());
        assertEquals(1, h.folder("bob", "").size());
    }

    @Test
    void withoutSieveRequiredInboxWithoutEngine() throws Exception {
        h.script("bob", "discard;\n");
        assertEquals(DeliveryResult.Status.SENT, h.deliver("alice@far.test", "bob@here.test", MAIL).status());
        assertEquals(1, h.folder("bob", "").size());
    }
}
