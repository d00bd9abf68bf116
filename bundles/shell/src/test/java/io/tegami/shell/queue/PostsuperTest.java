package io.tegami.shell.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tegami.api.queue.QueueEntry;
import io.tegami.shell.CommandFailedException;

/** postsuper -d/-h/-H/-r with ids, ALL, queue names and "-", and Postfix's reports. */
class PostsuperTest {

    private final FakeQueue queue = new FakeQueue()
            .add("00000000000A", "deferred", "a@example.org", Instant.EPOCH, "x", "b@example.org")
            .add("00000000000B", "active", "a@example.org", Instant.EPOCH, "x", "b@example.org")
            .add("00000000000C", "hold", "a@example.org", Instant.EPOCH, "x", "b@example.org");

    private String run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    private String run(InputStream in, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        new Postsuper(queue, in, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return err.toString(StandardCharsets.UTF_8);
    }

    private String queueOf(String id) {
        return queue.find(id).map(QueueEntry::queueName).orElse("gone");
    }

    @Test
    void deleteOneReportsTheMessageAndTheTotal() {
        assertEquals("postsuper: 00000000000A: removed\npostsuper: Deleted: 1 message\n", run("-d", "00000000000A"));
        assertEquals("gone", queueOf("00000000000A"));
        assertEquals("", run("-d", "00000000000A"), "a missing message is not an error, and not counted");
    }

    @Test
    void deleteAllInOneQueueReportsOnlyTheTotal() {
        assertEquals("postsuper: Deleted: 1 message\n", run("-d", "ALL", "deferred"));
        assertEquals(List.of("00000000000B", "00000000000C"), queue.list().stream().map(QueueEntry::queueId).toList());
        assertEquals("postsuper: Deleted: 2 messages\n", run("-d", "ALL"));
        assertEquals(List.of(), queue.list());
    }

    @Test
    void holdAndRelease() {
        assertEquals("postsuper: Placed on hold: 2 messages\n", run("-h", "ALL"));
        assertEquals("hold", queueOf("00000000000A"));
        assertEquals("hold", queueOf("00000000000B"));
        assertEquals("postsuper: 00000000000B: released from hold\npostsuper: Released from hold: 1 message\n",
                run("-H", "00000000000B"));
        assertEquals("deferred", queueOf("00000000000B"));
        assertEquals("", run("-H", "00000000000B"), "not on hold");
        assertEquals("postsuper: 00000000000A: placed on hold\n".length() > 0, true);
        assertEquals("postsuper: Released from hold: 2 messages\n", run("-H", "ALL"));
    }

    @Test
    void requeueAndSeveralOptionsAtOnce() {
        String err = run("-r", "00000000000C", "-d", "00000000000A", "-h", "00000000000B");
        assertEquals("postsuper: 00000000000C: requeued\npostsuper: 00000000000A: removed\n"
                + "postsuper: 00000000000B: placed on hold\n"
                + "postsuper: Requeued: 1 message\npostsuper: Deleted: 1 message\npostsuper: Placed on hold: 1 message\n", err);
        assertEquals(List.of("requeue 00000000000C", "delete 00000000000A", "hold 00000000000B"), queue.calls);
    }

    @Test
    void idsFromStandardInput() {
        InputStream in = new ByteArrayInputStream("00000000000A\n\n00000000000B\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(run(in, "-d", "-").endsWith("postsuper: Deleted: 2 messages\n"));
    }

    @Test
    void aQueueNameNarrowsTheOperation() {
        assertEquals("", run("-d", "00000000000B", "deferred"), "B is active, not deferred");
        assertEquals("active", queueOf("00000000000B"));
    }

    @Test
    void badInput() {
        assertEquals("postsuper: warning: invalid mail queue id: ../../etc/passwd\n", run("-d", "../../etc/passwd"));
        assertEquals("postsuper: fatal: invalid directory name: maildropx",
                assertThrows(CommandFailedException.class, () -> run("-d", "ALL", "maildropx")).getMessage());
        assertTrue(assertThrows(CommandFailedException.class, () -> run("-d")).getMessage().startsWith("postsuper: fatal: usage:"));
        assertTrue(assertThrows(CommandFailedException.class, () -> run("-x", "y")).getMessage().startsWith("postsuper: fatal: usage:"));
        assertEquals("", run(), "no action: Postfix checks the queue structure, silently");
        assertEquals("postsuper: fatal: mail system is down: the mail queue is not running",
                assertThrows(CommandFailedException.class,
                        () -> new Postsuper(null, InputStream.nullInputStream(), System.err).run(new String[] {"-d", "ALL"}))
                        .getMessage());
    }

    @Test
    void attachedArgumentsAsGetoptAllows() {
        assertEquals("postsuper: Deleted: 3 messages\n", run("-dALL"));
    }
}
