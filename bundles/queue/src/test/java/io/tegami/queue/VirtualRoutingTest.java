package io.tegami.queue;

import static io.tegami.queue.QueueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import io.tegami.api.rewrite.AddressRewriter;
import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.service.RankedServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing after virtual aliasing: local results to local, remote ones to smtp, unlisted ones bounce. */
class VirtualRoutingTest {

    @TempDir
    Path home;
    QueueFixture fx;

    @AfterEach
    void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void routerSendsUnlistedVirtualAddressesToTheErrorTransport() throws Exception {
        FakeParameters p = new FakeParameters(home).set("mydestination", "example.org")
                .set("virtual_alias_domains", "virtual.test, .sub.test, !no.other.test, .other.test");
        Router router = new Router(p);
        assertEquals("error", router.transportFor(MailAddress.parse("x@virtual.test")));
        assertEquals("error", router.transportFor(MailAddress.parse("x@a.sub.test")));
        assertEquals("smtp", router.transportFor(MailAddress.parse("x@no.other.test")));
        assertEquals("local", router.transportFor(MailAddress.parse("x@example.org")));
        p.set("virtual_alias_domains", "hash:virtual");
        assertEquals("retry", router.transportFor(MailAddress.parse("x@virtual.test")), "a missing table fails the lookup");
        Files.writeString(home.resolve("virtual"), "virtual.test  whatever\n");
        assertEquals("error", router.transportFor(MailAddress.parse("x@virtual.test")));
        Router byDefault = new Router(new FakeParameters(home).set("virtual_alias_maps", "hash:virtual"));
        assertEquals("error", byDefault.transportFor(MailAddress.parse("x@virtual.test")), "default: $virtual_alias_maps");
        assertEquals("smtp", byDefault.transportFor(MailAddress.parse("x@elsewhere.test")));
    }

    @Test
    void expandedMailGoesToLocalAndSmtpAndUnlistedNamesBounce() throws Exception {
        ScriptedAgent local = ScriptedAgent.sending();
        ScriptedAgent smtp = new ScriptedAgent((m, r) -> DeliveryResult.sent("mx.example.net[192.0.2.25]:25", "250 ok"));
        fx = new QueueFixture(home).agent("local", local).agent("smtp", smtp);
        Files.writeString(home.resolve("virtual"), "virtual.test  x\ninfo@virtual.test  bob@example.org, carol@example.net\n");
        fx.parameters.set("virtual_alias_maps", "hash:virtual");
        fx.start();
        String id;
        // Through cleanup, as QueueComponent takes mail; a local submission is not checked at RCPT.
        try (MessageWriter w = new Cleanup(new RankedServices<>(), Clock.systemUTC()).create(fx.queue,
                QueueFixture.envelope("alice@example.org", "info@virtual.test", "nobody@virtual.test"), fx.parameters)) {
            w.content().write("Subject: hi\n\nhello\n".getBytes(StandardCharsets.US_ASCII));
            id = w.commit();
        }
        await("removal", () -> fx.removed(id));
        await("bounce", () -> local.calls.stream().anyMatch(c -> c.sender().isNullSender()));
        assertTrue(local.calls.stream().anyMatch(c -> c.recipient().toString().equals("bob@example.org")));
        assertEquals("carol@example.net", smtp.calls.get(0).recipient().toString());
        String dsn = local.calls.stream().filter(c -> c.sender().isNullSender()).findFirst().orElseThrow().text();
        assertTrue(dsn.contains("<nobody@virtual.test>: User unknown in virtual alias table"), dsn);
        assertTrue(dsn.contains("\nStatus: 5.1.1\n"), dsn);
    }
}
