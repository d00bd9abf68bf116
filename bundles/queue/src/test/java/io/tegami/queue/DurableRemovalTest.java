package io.tegami.queue;

import static io.tegami.queue.QueueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last recipient of a finished message is recorded by the removal of its queue file, synced
 * right after (on a background thread), instead of by a done mark; every other outcome keeps its
 * mark. The agent keeps a hard link to each queue file, so the records can be read after the
 * removal.
 */
class DurableRemovalTest {

    @TempDir
    Path home;
    QueueFixture fx;
    Path kept;
    /** What happened, in order: "deliver <rcpt>", "sync active [<ids there>]", "sync incoming [...]". */
    final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() throws IOException {
        kept = Files.createDirectories(home.resolve("kept"));
        fx = new QueueFixture(home);
        fx.fsync = dir -> {
            String name = dir.getFileName().toString();
            if (name.equals(Spool.ACTIVE) || name.equals(Spool.INCOMING)) {
                try (var list = Files.list(dir)) {
                    events.add("sync " + name + " " + list.map(p -> p.getFileName().toString()).sorted().toList());
                }
            }
            Spool.syncDirectory(dir);
        };
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private ScriptedAgent agent(Predicate<MailAddress> defer) {
        return new ScriptedAgent((m, r) -> {
            Path file = ((SpoolMessage) m).file();
            try {
                Path link = kept.resolve(m.queueId());
                if (!Files.exists(link)) {
                    Files.createLink(link, file);
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            events.add("deliver " + r);
            return defer.test(r) ? DeliveryResult.deferred("4.2.0", "local", "try later")
                    : DeliveryResult.sent("local", "ok");
        });
    }

    private List<Boolean> doneMarks(String id) throws IOException {
        return SpoolFormat.read(kept.resolve(id)).recipients().stream().map(SpoolHeader.Recipient::done).toList();
    }

    @Test
    void aSingleRecipientIsRecordedByTheSyncedRemovalNotByADoneMark() throws Exception {
        fx.agent("local", agent(r -> false)).start();
        String id = fx.send("a@example.org", "Subject: one\n\n", "bob@example.org");
        await("removal", () -> fx.removed(id));
        await("the removal's sync", () -> events.contains("sync active []"));

        assertEquals(List.of(false), doneMarks(id), "no done mark was written");
        int delivered = events.indexOf("deliver bob@example.org");
        String entryDir = Spool.marksCommits() ? Spool.INCOMING : Spool.ACTIVE;
        assertTrue(events.subList(0, Math.max(0, delivered)).stream()
                .anyMatch(ev -> ev.startsWith("sync " + entryDir) && ev.contains(id)),
                "the entry was synced before the commit returned: " + events);
        assertTrue(events.subList(delivered, events.size()).contains("sync active []"),
                "the unlink was synced after the delivery: " + events);
    }

    @Test
    void earlierRecipientsAreMarkedDoneAndTheLastIsRecordedByTheRemoval() throws Exception {
        fx.agent("local", agent(r -> false)).start();
        String id = fx.send("a@example.org", "Subject: three\n\n", "r1@example.org", "r2@example.org", "r3@example.org");
        await("removal", () -> fx.removed(id));
        await("the removal's sync", () -> events.contains("sync active []"));
        assertEquals(List.of(true, true, false), doneMarks(id));
    }

    @Test
    void aLastRecipientSentAfterADeferralIsMarkedDoneAndTheDeferredOneLater() throws Exception {
        fx.parameters.set("minimal_backoff_time", "100ms").set("maximal_backoff_time", "100ms");
        AtomicBoolean deferA = new AtomicBoolean(true);
        ScriptedAgent agent = agent(r -> r.localPart().equals("a") && deferA.get());
        fx.agent("local", agent).start();
        String id = fx.send("s@example.org", "Subject: two\n\n", "a@example.org", "b@example.org");
        await("deferral", () -> Files.exists(fx.spool().file(Spool.DEFERRED, id)));
        assertEquals(List.of(false, true), doneMarks(id), "b is done, a still pending");

        deferA.set(false);
        await("removal", () -> fx.removed(id));
        assertEquals(List.of(false, true), doneMarks(id), "a, last of its pass, went with the synced removal");
        assertEquals(1, agent.calls.stream().filter(c -> c.recipient().localPart().equals("b")).count());
    }

    @Test
    void aCommitWhoseDirectorySyncFailsIsNeitherAcknowledgedNorDelivered() throws Exception {
        ScriptedAgent agent = agent(r -> false);
        AtomicBoolean broken = new AtomicBoolean(true);
        // The directory that holds the file's entry when 250 is sent: incoming/ with commit marks.
        String entryDir = Spool.marksCommits() ? Spool.INCOMING : Spool.ACTIVE;
        fx.fsync = dir -> {
            if (broken.get() && dir.getFileName().toString().equals(entryDir)) {
                throw new IOException("EIO");
            }
            Spool.syncDirectory(dir);
        };
        fx.agent("local", agent).start();
        MessageWriter w = fx.queue.create(QueueFixture.envelope("a@example.org", "bob@example.org"));
        OutputStream out = w.content();
        out.write("Subject: lost\n\n".getBytes(StandardCharsets.US_ASCII));
        QueueException e = assertThrows(QueueException.class, w::commit);
        assertTrue(e.getMessage().contains("EIO"), e.getMessage());
        assertFalse(Files.exists(fx.spool().file(Spool.ACTIVE, w.queueId())));
        assertFalse(Files.exists(fx.spool().file(Spool.INCOMING, w.queueId())));

        broken.set(false);
        String ok = fx.send("a@example.org", "Subject: fine\n\n", "bob@example.org");
        await("the next one", () -> fx.removed(ok));
        assertEquals(List.of(ok), agent.calls.stream().map(ScriptedAgent.Call::queueId).toList());
    }
}
