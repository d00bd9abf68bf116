package io.tegami.queue;

import static io.tegami.queue.QueueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueueEntry;
import io.tegami.api.queue.QueuedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** postsuper -h, -H and -r, postqueue -i and postcat's open(), against the real spool. */
class HoldReleaseRequeueTest {

    @TempDir
    Path home;
    QueueFixture fx;

    @AfterEach
    void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    private boolean in(String id, String queue) {
        return fx.spool().locate(id).filter(queue::equals).isPresent();
    }

    @Test
    void heldMailIsNeitherDeliveredNorFlushedUntilReleased() throws Exception {
        ScriptedAgent agent = new ScriptedAgent((m, r) -> DeliveryResult.deferred("4.2.0", "local", "mailbox busy"));
        fx = new QueueFixture(home).agent("local", agent);
        fx.parameters.set("minimal_backoff_time", "1h").set("maximal_backoff_time", "1h");
        fx.start();
        String id = fx.send("alice@example.org", "Subject: x\n\n", "bob@example.org");
        await("deferral", () -> in(id, Spool.DEFERRED));

        assertTrue(fx.queue.hold(id));
        await("on hold", () -> in(id, Spool.HOLD)); // at once, or when the deferring pass has ended
        assertFalse(fx.queue.hold(id), "already on hold");
        assertEquals(QueueEntry.HOLD, fx.queue.find(id).orElseThrow().queueName());

        agent.script((m, r) -> DeliveryResult.sent("local", "ok"));
        fx.queue.flush();
        assertFalse(fx.queue.flush(id), "postqueue -i leaves held mail alone");
        Thread.sleep(400);
        assertEquals(1, agent.calls.size(), "held mail is not delivered");
        assertTrue(in(id, Spool.HOLD));

        assertTrue(fx.queue.release(id));
        assertFalse(fx.queue.release(id), "not on hold any more");
        await("delivery after release", () -> fx.removed(id));
        assertEquals(2, agent.calls.size());
    }

    @Test
    void releaseKeepsTheBackoffHistoryAndRequeueResetsIt() throws Exception {
        ScriptedAgent agent = new ScriptedAgent((m, r) -> DeliveryResult.deferred("4.2.0", "local", "mailbox busy"));
        fx = new QueueFixture(home).agent("local", agent);
        fx.parameters.set("minimal_backoff_time", "1h").set("maximal_backoff_time", "2h");
        fx.start();
        String id = fx.send("alice@example.org", "Subject: x\n\n", "bob@example.org");
        await("deferral", () -> in(id, Spool.DEFERRED));
        assertTrue(fx.queue.hold(id));
        assertTrue(fx.queue.release(id));
        await("second attempt", () -> agent.calls.size() == 2 && in(id, Spool.DEFERRED)
                && DeferState.read(fx.spool().file(Spool.DEFER_LOG, id)).orElseThrow().attempts() == 2);

        assertTrue(fx.queue.hold(id));
        assertTrue(fx.queue.requeue(id), "requeue takes mail out of hold too");
        await("third attempt", () -> agent.calls.size() == 3 && in(id, Spool.DEFERRED)
                && DeferState.read(fx.spool().file(Spool.DEFER_LOG, id)).orElseThrow().attempts() == 1);
        DeferState state = DeferState.read(fx.spool().file(Spool.DEFER_LOG, id)).orElseThrow();
        assertTrue(state.nextRetry().isBefore(Instant.now().plusSeconds(3601 + 60)), "back-off started over at 1h");
        assertFalse(fx.queue.requeue("0123456789AB"));
        assertFalse(fx.queue.hold("../etc/passwd"));
    }

    @Test
    void holdingAMessageBeingDeliveredStopsAfterTheRecipientInHand() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        ScriptedAgent agent = new ScriptedAgent((m, r) -> {
            if (r.localPart().equals("first")) {
                inside.countDown();
                try {
                    proceed.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return DeliveryResult.sent("local", "ok");
        });
        fx = new QueueFixture(home).agent("local", agent);
        fx.start();
        String id = fx.send("alice@example.org", "Subject: x\n\n", "first@example.org", "second@example.org");
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        assertTrue(fx.queue.hold(id), "an active message can be held");
        proceed.countDown();
        await("on hold", () -> in(id, Spool.HOLD));
        assertEquals(List.of(MailAddress.parse("first@example.org")),
                agent.calls.stream().map(ScriptedAgent.Call::recipient).toList(), "second waits for the release");
        assertEquals(List.of(MailAddress.parse("second@example.org")), fx.queue.find(id).orElseThrow().pending());

        assertTrue(fx.queue.release(id));
        await("delivered", () -> fx.removed(id));
        assertEquals(1, agent.callsFor(id, MailAddress.parse("first@example.org")), "first is not delivered twice");
        assertEquals(1, agent.callsFor(id, MailAddress.parse("second@example.org")));
    }

    @Test
    void requeueDuringADeliveryResetsTheBackoffOnceThePassEnds() throws Exception {
        ScriptedAgent agent = new ScriptedAgent((m, r) -> DeliveryResult.deferred("4.2.0", "local", "busy"));
        fx = new QueueFixture(home).agent("local", agent);
        fx.parameters.set("minimal_backoff_time", "1h").set("maximal_backoff_time", "1h");
        fx.start();
        String id = fx.send("alice@example.org", "Subject: x\n\n", "bob@example.org");
        // Two passes deferred already, so that a reset shows.
        await("first deferral", () -> in(id, Spool.DEFERRED));
        fx.queue.flush(id);
        await("second deferral", () -> agent.calls.size() == 2 && in(id, Spool.DEFERRED)
                && DeferState.read(fx.spool().file(Spool.DEFER_LOG, id)).orElseThrow().attempts() == 2);

        CountDownLatch inside3 = new CountDownLatch(1);
        CountDownLatch proceed3 = new CountDownLatch(1);
        agent.script((m, r) -> {
            inside3.countDown();
            try {
                proceed3.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DeliveryResult.deferred("4.2.0", "local", "busy");
        });
        fx.queue.flush(id);
        assertTrue(inside3.await(10, TimeUnit.SECONDS));
        assertTrue(fx.queue.requeue(id), "requeued while its agent has it");
        proceed3.countDown();
        // The pass ends (attempts 3), the reset applies, the forced rerun defers again: attempts 1.
        await("rerun after the reset", () -> agent.calls.size() == 4 && in(id, Spool.DEFERRED)
                && DeferState.read(fx.spool().file(Spool.DEFER_LOG, id)).orElseThrow().attempts() == 1);
    }

    @Test
    void flushOneTriesADeferredMessageNow() throws Exception {
        ScriptedAgent agent = new ScriptedAgent((m, r) -> DeliveryResult.deferred("4.2.0", "local", "busy"));
        fx = new QueueFixture(home).agent("local", agent);
        fx.parameters.set("minimal_backoff_time", "1h").set("maximal_backoff_time", "1h");
        fx.start();
        String id = fx.send("alice@example.org", "Subject: x\n\n", "bob@example.org");
        await("deferral", () -> in(id, Spool.DEFERRED));
        agent.script((m, r) -> DeliveryResult.sent("local", "ok"));
        assertTrue(fx.queue.flush(id));
        await("delivered", () -> fx.removed(id));
        assertFalse(fx.queue.flush(id), "gone");
    }

    @Test
    void openStreamsTheQueuedContentAndTheEnvelope() throws Exception {
        fx = new QueueFixture(home); // no agents: it stays queued
        fx.start();
        String id = fx.send("alice@example.org", "Subject: peek\n\nbody\n", "bob@example.org", "carol@example.org");
        QueuedMessage m = fx.queue.open(id).orElseThrow();
        assertEquals(id, m.queueId());
        assertEquals(MailAddress.parse("alice@example.org"), m.envelope().sender());
        assertEquals(2, m.envelope().recipients().size());
        assertEquals("Subject: peek\n\nbody\n".length(), m.size());
        try (InputStream in = m.openContent()) {
            assertEquals("Subject: peek\n\nbody\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(fx.queue.open("0123456789AB").isEmpty());
        assertTrue(fx.queue.open("../x").isEmpty());
    }

    @Test
    void listShowsTheReasonOfEachDeferredRecipient() throws Exception {
        ScriptedAgent agent = new ScriptedAgent((m, r) -> switch (r.localPart()) {
            case "full" -> DeliveryResult.deferred("4.2.2", "local", "mailbox full");
            case "busy" -> DeliveryResult.deferred("4.2.0", "local", "mailbox busy");
            default -> DeliveryResult.sent("local", "ok");
        });
        fx = new QueueFixture(home).agent("local", agent);
        fx.parameters.set("minimal_backoff_time", "1h").set("maximal_backoff_time", "1h");
        fx.start();
        String id = fx.send("alice@example.org", "Subject: x\n\n", "full@example.org", "ok@example.org",
                "busy@example.org", "far@remote.test");
        await("deferral", () -> in(id, Spool.DEFERRED));
        QueueEntry e = fx.queue.find(id).orElseThrow();
        assertEquals(List.of(new QueueEntry.Recipient(MailAddress.parse("full@example.org"), "mailbox full"),
                new QueueEntry.Recipient(MailAddress.parse("busy@example.org"), "mailbox busy"),
                new QueueEntry.Recipient(MailAddress.parse("far@remote.test"), "mail transport unavailable")),
                e.recipients());
        assertEquals("mail transport unavailable", e.lastReason());
    }
}
