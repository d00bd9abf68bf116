package io.tegami.queue;

import static io.tegami.queue.QueueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MessageWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: only committed messages are ever delivered, and a restart delivers exactly the
 * recipients that were not done before the "crash" (files left on disk by a previous instance).
 */
class CommitAndRecoveryTest {

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
    void anUncommittedMessageIsNeverDelivered() throws Exception {
        ScriptedAgent agent = ScriptedAgent.sending();
        fx = new QueueFixture(home).agent("local", agent);
        fx.start();
        MessageWriter w = fx.queue.create(QueueFixture.envelope("a@example.org", "b@example.org"));
        OutputStream out = w.content();
        out.write("Subject: half\n\nwritten".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        fx.queue.flush();
        String committed = fx.send("a@example.org", "Subject: whole\n\n", "b@example.org");
        await("the committed one", () -> fx.removed(committed));
        Thread.sleep(700); // two periodic scans
        assertEquals(List.of(committed), agent.calls.stream().map(ScriptedAgent.Call::queueId).toList());
        assertTrue(Files.exists(fx.spool().file(Spool.INCOMING, w.queueId())), "still being written");
        w.close();
        assertFalse(Files.exists(fx.spool().file(Spool.INCOMING, w.queueId())));
    }

    @Test
    void staleIncomingFilesAreDeletedAtStartAndLiveOnesKept() throws Exception {
        fx = new QueueFixture(home).agent("local", ScriptedAgent.sending());
        Spool spool = fx.spool();
        spool.create();
        // a crash mid-DATA: envelope written, content half there, nobody holds the file any more
        Path stale = spool.file(Spool.INCOMING, "0123456789AB");
        Files.writeString(stale, "tegami-queue-file 1\nI 0123456789AB\nT 1\nS a example.org\nR b example.org\nE\nSubj");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        // a receiver of a previous bundle instance still writing (it holds the lock)
        MessageWriter live = SpoolWriter.create(spool, new QueueIds(Clock.systemUTC()),
                QueueFixture.envelope("a@example.org", "b@example.org"), Instant.now(), x -> { });
        Path liveFile = spool.file(Spool.INCOMING, live.queueId());
        Files.setLastModifiedTime(liveFile, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));

        fx.start();
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(liveFile));
        live.close();
    }

    @Test
    void aCommittedMessageWhoseMoveToActiveWasLostIsDeliveredAfterACrash() throws Exception {
        assumeTrue(Spool.marksCommits(), "needs POSIX modes for the commit mark");
        fx = new QueueFixture(home);
        String id = fx.leave(Spool.ACTIVE, "Subject: acknowledged\n\n", Instant.now(), "a@example.org", "b@example.org");
        // The crash came before the rename into active/ reached the disk.
        Path incoming = fx.spool().file(Spool.INCOMING, id);
        Files.move(fx.spool().file(Spool.ACTIVE, id), incoming);
        Files.setLastModifiedTime(incoming, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));

        ScriptedAgent agent = ScriptedAgent.sending();
        fx.agent("local", agent).start();
        await("delivery", () -> fx.removed(id) && !Files.exists(incoming));
        assertEquals(List.of(id), agent.calls.stream().map(ScriptedAgent.Call::queueId).toList());
        assertEquals("Subject: acknowledged\n\n", agent.calls.get(0).text());
    }

    @Test
    void aCommittedFileStillHeldByItsWriterIsLeftToIt() throws Exception {
        assumeTrue(Spool.marksCommits(), "needs POSIX modes for the commit mark");
        ScriptedAgent agent = ScriptedAgent.sending();
        fx = new QueueFixture(home).agent("local", agent);
        Spool spool = fx.spool();
        spool.create();
        MessageWriter live = SpoolWriter.create(spool, new QueueIds(Clock.systemUTC()),
                QueueFixture.envelope("a@example.org", "b@example.org"), Instant.now(), x -> { });
        Path file = spool.file(Spool.INCOMING, live.queueId());
        Spool.markCommitted(file); // its writer is between the mark and the rename (or failing)
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));

        fx.start();
        fx.queue.flush();
        Thread.sleep(200);
        assertTrue(Files.exists(file), "the writer decides");
        assertTrue(agent.calls.isEmpty());
        live.close(); // its commit failed: never delivered
        assertFalse(Files.exists(file));
        assertTrue(fx.spool().locate(live.queueId()).isEmpty());
    }

    @Test
    void activeMessagesAreDeliveredAfterACrashSkippingRecipientsAlreadyDone() throws Exception {
        fx = new QueueFixture(home);
        String id = fx.leave(Spool.ACTIVE, "Subject: before the crash\n\nbody\n", Instant.now(),
                "alice@example.org", "r1@example.org", "r2@example.org", "r3@example.org");
        Path file = fx.spool().file(Spool.ACTIVE, id);
        SpoolFormat.markDone(file, SpoolFormat.read(file).recipients().get(0)); // delivered before the crash

        ScriptedAgent agent = ScriptedAgent.sending();
        fx.agent("local", agent).start();
        await("removal", () -> fx.removed(id));
        assertEquals(List.of("r2@example.org", "r3@example.org"),
                agent.calls.stream().map(c -> c.recipient().toString()).sorted().toList());
        assertEquals("Subject: before the crash\n\nbody\n", agent.calls.get(0).text());
    }

    @Test
    void deferredMessagesWaitForTheirRetryTimeAfterARestart() throws Exception {
        fx = new QueueFixture(home);
        String due = fx.leave(Spool.DEFERRED, "Subject: due\n\n", Instant.now(), "a@example.org", "b@example.org");
        String later = fx.leave(Spool.DEFERRED, "Subject: later\n\n", Instant.now(), "a@example.org", "c@example.org");
        new DeferState(1, Instant.now().minusSeconds(1), "4.4.1 old").write(fx.spool().file(Spool.DEFER_LOG, due));
        new DeferState(1, Instant.now().plusMillis(800), "4.4.1 soon").write(fx.spool().file(Spool.DEFER_LOG, later));

        ScriptedAgent agent = ScriptedAgent.sending();
        fx.agent("local", agent).start();
        await("the due one", () -> fx.removed(due));
        assertFalse(fx.removed(later), "not before its time");
        assertEquals(0, agent.callsFor(later, MailAddress.parse("c@example.org")));
        await("the later one", () -> fx.removed(later));
        assertEquals(2, agent.calls.size());
    }

    @Test
    void orphanedBookkeepingIsCleanedAndCorruptFilesQuarantined() throws Exception {
        fx = new QueueFixture(home);
        Spool spool = fx.spool();
        spool.create();
        Files.writeString(spool.file(Spool.DEFER_LOG, "00000000000A"), "attempts 1\n");
        Files.writeString(spool.file(Spool.BOUNCE_LOG, "00000000000B"), "x\n");
        Files.writeString(spool.file(Spool.ACTIVE, "00000000000C"), "not a queue file\n");
        ScriptedAgent agent = ScriptedAgent.sending();
        fx.agent("local", agent).start();
        await("quarantine", () -> Files.exists(spool.file(Spool.CORRUPT, "00000000000C")));
        assertFalse(Files.exists(spool.file(Spool.DEFER_LOG, "00000000000A")));
        assertFalse(Files.exists(spool.file(Spool.BOUNCE_LOG, "00000000000B")));
        assertTrue(agent.calls.isEmpty());
    }

    @Test
    void aStopLeavesUnfinishedWorkForTheNextStartWithoutRepeatingDoneRecipients() throws Exception {
        java.util.concurrent.CountDownLatch inFirst = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ScriptedAgent slow = new ScriptedAgent((m, r) -> {
            if (r.localPart().equals("r1")) {
                inFirst.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return io.tegami.api.delivery.DeliveryResult.sent("local", "ok");
        });
        fx = new QueueFixture(home).agent("local", slow);
        fx.start();
        String id = fx.send("a@example.org", "Subject: x\n\n", "r1@example.org", "r2@example.org", "r3@example.org");
        inFirst.await();
        Thread stopper = new Thread(fx::stop);
        stopper.start();
        Thread.sleep(100);
        release.countDown(); // r1 finishes during the stop; r2 and r3 are left for the next start
        stopper.join();
        assertEquals(Spool.ACTIVE, fx.spool().locate(id).orElseThrow());
        assertEquals(1, slow.calls.size());

        fx.start();
        await("removal", () -> fx.removed(id));
        for (String r : List.of("r1", "r2", "r3")) {
            assertEquals(1, slow.callsFor(id, MailAddress.parse(r + "@example.org")), r);
        }
    }
}
