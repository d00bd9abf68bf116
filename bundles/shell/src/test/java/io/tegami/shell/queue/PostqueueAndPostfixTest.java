package io.tegami.shell.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.shell.CommandFailedException;

/** postqueue's modes and messages, and the postfix command dispatcher. */
class PostqueueAndPostfixTest {

    private final FakeQueue queue = new FakeQueue().add("00000000000A", "deferred", "a@example.org",
            Instant.parse("2024-01-01T00:00:00Z"), "x", "b@example.org|mail transport unavailable");

    private String postqueue(FakeQueue q, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Postqueue(q, ZoneOffset.UTC).run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listFlushAndFlushOne() {
        assertTrue(postqueue(queue, "-p").startsWith("-Queue ID-  --Size--"));
        assertTrue(postqueue(queue, "-j").startsWith("{\"queue_name\": \"deferred\""));
        assertEquals("", postqueue(queue, "-f"));
        assertEquals("", postqueue(queue, "-i", "00000000000A"));
        assertEquals("", postqueue(queue, "-i00000000000B"));
        assertEquals(List.of("flush", "flush 00000000000A", "flush 00000000000B"), queue.calls);
    }

    @Test
    void postfixsMessages() {
        assertEquals(Postqueue.USAGE, assertThrows(CommandFailedException.class, () -> postqueue(queue)).getMessage());
        assertEquals(Postqueue.USAGE, assertThrows(CommandFailedException.class, () -> postqueue(queue, "-z")).getMessage());
        assertEquals("postqueue: fatal: Queue report unavailable - mail system is down",
                assertThrows(CommandFailedException.class, () -> postqueue(null, "-p")).getMessage());
        assertEquals("postqueue: fatal: Cannot flush mail queue - mail system is down",
                assertThrows(CommandFailedException.class, () -> postqueue(null, "-f")).getMessage());
        assertEquals("postqueue: fatal: invalid mail queue id: a/b",
                assertThrows(CommandFailedException.class, () -> postqueue(queue, "-i", "a/b")).getMessage());
    }

    @Test
    void postfixDispatchesToItsActions() {
        PostfixCommand postfix = new PostfixCommand();
        postfix.bindAction(new FlushAction(queue), Map.of(PostfixAction.COMMAND, "flush"));
        postfix.bindAction((args, out, err) -> out.print("status " + args + "\n"), Map.of(PostfixAction.COMMAND, "status"));
        postfix.postfix("flush");
        assertEquals(List.of("flush"), queue.calls);
        postfix.postfix("-v", "flush");
        assertEquals(List.of("flush", "flush"), queue.calls);

        assertEquals("postfix/postfix-script: fatal: unknown command: 'start'. Usage: postfix flush (or status)",
                assertThrows(CommandFailedException.class, () -> postfix.postfix("start")).getMessage());
        assertEquals("postfix: fatal: usage: postfix [-Dv] command",
                assertThrows(CommandFailedException.class, () -> postfix.postfix()).getMessage());
        assertEquals("postfix: fatal: usage: postfix flush",
                assertThrows(CommandFailedException.class, () -> postfix.postfix("flush", "now")).getMessage());

        postfix.unbindAction(null, Map.of(PostfixAction.COMMAND, "status")); // not the bound one: kept
        assertTrue(assertThrows(CommandFailedException.class, () -> postfix.postfix("x")).getMessage().endsWith("flush (or status)"));
        assertEquals("postfix: fatal: Cannot flush mail queue - mail system is down",
                assertThrows(CommandFailedException.class, () -> new FlushAction(null).run(List.of(), System.out, System.err))
                        .getMessage());
    }
}
