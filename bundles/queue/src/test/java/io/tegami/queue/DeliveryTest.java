package io.tegami.queue;

import static io.tegami.queue.QueueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing and the normal path: commit, deliver each recipient by its transport, remove. */
class DeliveryTest {

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
    void localAndRemoteRecipientsGoToTheirTransportsAndTheMessageIsRemoved() throws Exception {
        ScriptedAgent local = ScriptedAgent.sending();
        ScriptedAgent smtp = new ScriptedAgent((m, r) -> DeliveryResult.sent("mx.example.net[192.0.2.25]:25", "250 ok"));
        fx = new QueueFixture(home).agent("local", local).agent("smtp", smtp);
        fx.start();
        String id = fx.send("alice@example.org", "Subject: hi\n\nhello\n",
                "bob@EXAMPLE.org", "carol@mail.example.org", "dave@example.net");
        await("removal", () -> fx.removed(id));
        assertEquals(List.of("bob@example.org", "carol@mail.example.org"),
                local.calls.stream().map(c -> c.recipient().toString()).sorted().toList());
        assertEquals(List.of(MailAddress.parse("dave@example.net")), smtp.calls.stream().map(c -> c.recipient()).toList());
        assertEquals("Subject: hi\n\nhello\n", local.calls.get(0).text());
        assertTrue(fx.queue.list().isEmpty());
    }

    @Test
    void routerMatchesMydestinationWithoutCase() {
        FakeParameters p = new FakeParameters(home).set("mydestination", "Mail.Example.ORG localhost,other.test");
        Router router = new Router(p);
        assertEquals("local", router.transportFor(MailAddress.parse("x@mail.example.org")));
        assertEquals("local", router.transportFor(MailAddress.parse("x@OTHER.test")));
        assertEquals("local", router.transportFor(MailAddress.parse("x@localhost")));
        assertEquals("smtp", router.transportFor(MailAddress.parse("x@example.org")));
        p.set("mydestination", "example.org");
        assertEquals("local", router.transportFor(MailAddress.parse("x@example.org")), "read on every call");
    }

    @Test
    void agentPreferenceFollowsServiceRanking() {
        AgentRegistry reg = new AgentRegistry();
        ScriptedAgent low = ScriptedAgent.sending();
        ScriptedAgent high = ScriptedAgent.sending();
        reg.add(low, java.util.Map.of("transport", "local", "service.id", 1L));
        reg.add(high, java.util.Map.of("transport", "local", "service.id", 2L, "service.ranking", 10));
        assertTrue(reg.find("local").get() == high);
        reg.remove(high);
        assertTrue(reg.find("local").get() == low);
        reg.remove(low);
        assertFalse(reg.find("local").isPresent());
        assertFalse(reg.find("smtp").isPresent());
    }

    @Test
    void anAgentThatThrowsDefersInsteadOfLosingMail() throws Exception {
        ScriptedAgent broken = new ScriptedAgent((m, r) -> {
            throw new IllegalStateException("boom");
        });
        fx = new QueueFixture(home).agent("local", broken);
        fx.start();
        String id = fx.send("alice@example.org", "Subject: x\n\n", "bob@example.org");
        await("deferral", () -> fx.spool().locate(id).filter(Spool.DEFERRED::equals).isPresent());
        assertTrue(fx.queue.find(id).get().lastReason().contains("boom"));
        broken.script((m, r) -> DeliveryResult.sent("local", "ok"));
        fx.queue.flush();
        await("removal", () -> fx.removed(id));
    }

    @Test
    void aMissingTransportDefersAndAnAgentThatAppearsTakesTheMailAtOnce() throws Exception {
        fx = new QueueFixture(home);
        fx.parameters.set("minimal_backoff_time", "1h").set("maximal_backoff_time", "1h");
        fx.start();
        String id = fx.send("alice@example.org", "Subject: x\n\n", "bob@example.org");
        await("deferral", () -> fx.spool().locate(id).filter(Spool.DEFERRED::equals).isPresent());
        assertEquals("mail transport unavailable", fx.queue.find(id).get().lastReason());
        ScriptedAgent late = ScriptedAgent.sending();
        fx.agent("local", late); // the delivery bundle starts (an hour before the retry time)
        await("removal", () -> fx.removed(id));
        assertEquals(1, late.calls.size());
    }
}
