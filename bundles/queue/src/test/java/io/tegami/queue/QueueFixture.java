package io.tegami.queue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.tegami.api.delivery.DeliveryAgent;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueException;

/** A queue over a temporary spool, with helpers to send mail and wait for asynchronous outcomes. */
final class QueueFixture implements AutoCloseable {

    final FakeParameters parameters;
    final AgentRegistry agents = new AgentRegistry();
    /** The spool's directory fsync; tests replace it to watch or break it. */
    DirectorySync.Fsync fsync = Spool::syncDirectory;
    SpoolQueue queue;

    QueueFixture(Path home) {
        parameters = new FakeParameters(home).set("queue_directory", "spool");
    }

    QueueFixture agent(String transport, DeliveryAgent agent) {
        agents.add(agent, Map.of(DeliveryAgent.TRANSPORT, transport));
        return this;
    }

    /** Starts a new queue instance over the spool, as a (re)start of the bundle does. */
    SpoolQueue start() throws IOException {
        queue = new SpoolQueue(parameters, agents, Clock.systemDefaultZone(), fsync);
        queue.start();
        return queue;
    }

    void stop() {
        if (queue != null) {
            queue.stop();
            queue = null;
        }
    }

    Spool spool() {
        return new Spool(parameters.home().resolve("spool"));
    }

    String send(String sender, String content, String... recipients) throws QueueException, IOException {
        try (MessageWriter w = queue.create(envelope(sender, recipients))) {
            OutputStream out = w.content();
            out.write(content.getBytes(StandardCharsets.UTF_8));
            return w.commit();
        }
    }

    /** Writes a committed queue file directly, as a previous run (maybe crashed) would have left it. */
    String leave(String queueName, String content, Instant arrival, String sender, String... rcpts) throws Exception {
        Spool spool = spool();
        spool.create();
        String id;
        try (SpoolWriter w = SpoolWriter.create(spool, new QueueIds(Clock.systemUTC()), envelope(sender, rcpts), arrival,
                x -> { })) {
            w.content().write(content.getBytes(StandardCharsets.UTF_8));
            id = w.commit();
        }
        if (!queueName.equals(Spool.ACTIVE)) {
            spool.move(id, Spool.ACTIVE, queueName);
        }
        return id;
    }

    static Envelope envelope(String sender, String... recipients) {
        List<MailAddress> rcpts = Arrays.stream(recipients).map(MailAddress::parse).toList();
        return Envelope.of(MailAddress.parse(sender), rcpts);
    }

    static void await(String what, BooleanSupplier condition) {
        await(what, Duration.ofSeconds(10), condition);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** True when no queue file for {@code id} is left in any queue. */
    boolean removed(String id) {
        // locate() looks in one queue after another, so it can miss a file that is being renamed
        // from one to the next (deferred/ -> active/ when a pass starts): only two misses in a row
        // mean gone.
        if (spool().locate(id).isPresent()) {
            return false;
        }
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return spool().locate(id).isEmpty();
    }

    @Override
    public void close() {
        stop();
    }
}
