package io.tegami.queue;

import static io.tegami.queue.QueueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueueEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mailq and postsuper -d over the queue files. */
class ListAndDeleteTest {

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
    void listShowsDeferredMessagesOldestFirstAndDeleteRemovesThem() throws Exception {
        fx = new QueueFixture(home); // no agents: everything defers
        fx.parameters.set("minimal_backoff_time", "1h").set("maximal_backoff_time", "1h");
        fx.start();
        String first = fx.send("alice@example.org", "Subject: one\n\n12345", "bob@example.org", "x@remote.test");
        Thread.sleep(5);
        String second = fx.send("", "Subject: two\n\n", "carol@example.org");
        await("both deferred", () -> fx.spool().locate(first).filter(Spool.DEFERRED::equals).isPresent()
                && fx.spool().locate(second).filter(Spool.DEFERRED::equals).isPresent());

        List<QueueEntry> entries = fx.queue.list();
        assertEquals(List.of(first, second), entries.stream().map(QueueEntry::queueId).toList());
        QueueEntry e = entries.get(0);
        assertEquals("deferred", e.queueName());
        assertEquals(MailAddress.parse("alice@example.org"), e.envelope().sender());
        assertEquals(List.of(MailAddress.parse("bob@example.org"), MailAddress.parse("x@remote.test")), e.pending());
        assertEquals("Subject: one\n\n12345".length(), e.size());
        assertEquals("mail transport unavailable", e.lastReason());
        assertTrue(entries.get(1).envelope().sender().isNullSender());

        assertEquals(e.queueId(), fx.queue.find(first).orElseThrow().queueId());
        assertTrue(fx.queue.delete(first));
        assertFalse(fx.queue.delete(first), "already gone");
        assertTrue(fx.queue.find(first).isEmpty());
        assertFalse(Files.exists(fx.spool().file(Spool.DEFER_LOG, first)));
        assertEquals(List.of(second), fx.queue.list().stream().map(QueueEntry::queueId).toList());
    }

    @Test
    void heldMessagesAreListedButNotDelivered() throws Exception {
        ScriptedAgent agent = ScriptedAgent.sending();
        fx = new QueueFixture(home).agent("local", agent);
        fx.start();
        String id = fx.send("alice@example.org", "Subject: x\n\n", "bob@example.org");
        await("delivered", () -> fx.removed(id));
        // an administrator's hold (postsuper -h), simulated on disk
        Spool spool = fx.spool();
        Path held = spool.file(Spool.HOLD, "00000000000F");
        Files.writeString(held, "tegami-queue-file 1\nI 00000000000F\nT 1000\nS a example.org\nR b example.org\nE\nSubject: held\n\n");
        fx.queue.flush();
        Thread.sleep(400);
        assertEquals(1, agent.calls.size());
        QueueEntry e = fx.queue.find("00000000000F").orElseThrow();
        assertEquals("hold", e.queueName());
        assertTrue(fx.queue.delete("00000000000F"));
        assertFalse(Files.exists(held));
    }

    @Test
    void deletingAMessageWhileItIsBeingDeliveredStopsItsPass() throws Exception {
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ScriptedAgent agent = new ScriptedAgent((m, r) -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return io.tegami.api.delivery.DeliveryResult.bounced("5.1.1", "local", "unknown user");
        });
        fx = new QueueFixture(home).agent("local", agent);
        fx.start();
        String id = fx.send("alice@example.org", "Subject: x\n\n", "r1@example.org", "r2@example.org");
        inside.await();
        assertTrue(fx.queue.delete(id)); // postsuper -d while r1 is with the agent
        release.countDown();
        Thread.sleep(300);
        assertEquals(1, agent.calls.size(), "r2 is not tried, and no bounce is sent for a deleted message");
        assertTrue(fx.queue.list().isEmpty());
        for (String dir : List.of(Spool.ACTIVE, Spool.DEFERRED, Spool.DEFER_LOG, Spool.BOUNCE_LOG, Spool.INCOMING)) {
            try (var files = Files.list(fx.spool().dir(dir))) {
                assertEquals(0, files.count(), dir);
            }
        }
    }

    @Test
    void idsThatAreNotQueueIdsFindNothingAndDeleteNothing() throws Exception {
        fx = new QueueFixture(home);
        fx.start();
        Path outside = home.resolve("spool").resolve("precious");
        Files.writeString(outside, "x");
        assertTrue(fx.queue.find("../precious").isEmpty());
        assertFalse(fx.queue.delete("../precious"));
        assertFalse(fx.queue.delete("0123456789AB"));
        assertTrue(Files.exists(outside));
    }
}
