package io.tegami.queue;

import static io.tegami.queue.QueueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.tegami.api.delivery.DeliveryAgent;
import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueuedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recipients of one message with the same transport and domain go to their agent in one request
 * (deliverAll), at most {@code <transport>_destination_recipient_limit} at a time, and each still
 * gets its own outcome: sent, bounced or deferred.
 */
class BatchDeliveryTest {

    @TempDir
    Path home;
    QueueFixture fx;

    /** Records every request; answers per recipient by the local part. */
    static final class BatchAgent implements DeliveryAgent {
        final List<List<String>> requests = new CopyOnWriteArrayList<>();
        volatile boolean deferTemp = true;

        @Override
        public DeliveryResult deliver(QueuedMessage message, MailAddress recipient) {
            return deliverAll(message, List.of(recipient)).get(0);
        }

        @Override
        public List<DeliveryResult> deliverAll(QueuedMessage message, List<MailAddress> recipients) {
            requests.add(recipients.stream().map(MailAddress::toString).toList());
            List<DeliveryResult> out = new ArrayList<>();
            for (MailAddress r : recipients) {
                if (r.localPart().startsWith("bad")) {
                    out.add(DeliveryResult.bounced("5.1.1", "mx[192.0.2.1]:25", "host mx said: 550 no such user"));
                } else if (r.localPart().startsWith("temp") && deferTemp) {
                    out.add(DeliveryResult.deferred("4.2.0", "mx[192.0.2.1]:25", "host mx said: 450 try later"));
                } else {
                    out.add(DeliveryResult.sent("mx[192.0.2.1]:25", "250 2.0.0 Ok: queued as X"));
                }
            }
            return out;
        }
    }

    @AfterEach
    void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void recipientsOfOneDomainShareOneRequestAndLocalOnesGoOneByOne() throws Exception {
        BatchAgent smtp = new BatchAgent();
        BatchAgent local = new BatchAgent();
        fx = new QueueFixture(home).agent("smtp", smtp).agent("local", local);
        fx.start();
        String id = fx.send("alice@example.org", "Subject: hi\n\nhello\n", "a@one.example", "b@two.example",
                "c@one.example", "bob@example.org", "carol@example.org", "d@ONE.example");
        await("removal", () -> fx.removed(id));
        assertEquals(List.of(List.of("a@one.example", "c@one.example", "d@one.example"), List.of("b@two.example")),
                smtp.requests);
        assertEquals(List.of(List.of("bob@example.org"), List.of("carol@example.org")), local.requests);
    }

    @Test
    void theRecipientLimitSplitsRequests() throws Exception {
        BatchAgent smtp = new BatchAgent();
        fx = new QueueFixture(home).agent("smtp", smtp);
        fx.parameters.set("default_destination_recipient_limit", "2");
        fx.start();
        String id = fx.send("alice@example.org", "x\n", "a@one.example", "b@one.example", "c@one.example");
        await("removal", () -> fx.removed(id));
        assertEquals(List.of(List.of("a@one.example", "b@one.example"), List.of("c@one.example")), smtp.requests);

        smtp.requests.clear();
        fx.parameters.set("smtp_destination_recipient_limit", "1");
        String id2 = fx.send("alice@example.org", "x\n", "a@one.example", "b@one.example");
        await("removal", () -> fx.removed(id2));
        assertEquals(List.of(List.of("a@one.example"), List.of("b@one.example")), smtp.requests);
    }

    @Test
    void eachRecipientOfABatchIsAccountedForOnItsOwn() throws Exception {
        BatchAgent smtp = new BatchAgent();
        fx = new QueueFixture(home).agent("smtp", smtp);
        fx.parameters.set("minimal_backoff_time", "1h").set("maximal_backoff_time", "1h");
        fx.start();
        String id = fx.send("alice@example.org", "Subject: x\n\nbody\n", "ok@one.example", "bad@one.example",
                "temp@one.example");
        await("deferral", () -> fx.spool().locate(id).filter(Spool.DEFERRED::equals).isPresent());
        assertEquals(List.of(List.of("ok@one.example", "bad@one.example", "temp@one.example")), smtp.requests);
        // Only the deferred recipient is left; the bounce went to the sender (a local user here).
        assertEquals(List.of(MailAddress.parse("temp@one.example")), fx.queue.find(id).get().pending());
        assertEquals("host mx said: 450 try later", fx.queue.find(id).get().recipients().get(0).reason());
        smtp.deferTemp = false;
        smtp.requests.clear();
        fx.queue.flush();
        await("removal", () -> fx.removed(id));
        assertEquals(List.of(List.of("temp@one.example")), smtp.requests, "the retry sends to the deferred one only");
    }

    @Test
    void anAgentThatAnswersBadlyDefersTheWholeBatch() throws Exception {
        DeliveryAgent broken = new DeliveryAgent() {
            @Override
            public DeliveryResult deliver(QueuedMessage message, MailAddress recipient) {
                return DeliveryResult.sent("x", "y");
            }

            @Override
            public List<DeliveryResult> deliverAll(QueuedMessage message, List<MailAddress> recipients) {
                return List.of(DeliveryResult.sent("x", "y")); // one result for two recipients
            }
        };
        fx = new QueueFixture(home).agent("smtp", broken);
        fx.parameters.set("minimal_backoff_time", "1h").set("maximal_backoff_time", "1h");
        fx.start();
        String id = fx.send("alice@example.org", "x\n", "a@one.example", "b@one.example");
        await("deferral", () -> fx.spool().locate(id).filter(Spool.DEFERRED::equals).isPresent());
        assertEquals(2, fx.queue.find(id).get().pending().size());
        assertTrue(fx.queue.find(id).get().lastReason().contains("gave no result"));
    }

    @Test
    void batchesFollowEnvelopeOrderOfTheirFirstRecipient() {
        FakeParameters p = new FakeParameters(home);
        Router router = new Router(p);
        List<SpoolHeader.Recipient> pending = List.of(rcpt("x@b.example"), rcpt("y@a.example"), rcpt("z@b.example"),
                rcpt("bob@example.org"));
        List<RecipientBatches.Batch> batches = RecipientBatches.of(pending, router, p);
        assertEquals(List.of("smtp:b.example", "smtp:a.example", "local:bob@example.org"),
                batches.stream().map(RecipientBatches.Batch::destination).toList());
        assertEquals("x@b.example z@b.example", batches.get(0).recipients().stream()
                .map(r -> r.address().toString()).collect(Collectors.joining(" ")));
        assertTrue(Files.exists(home));
    }

    private static SpoolHeader.Recipient rcpt(String address) {
        return new SpoolHeader.Recipient(MailAddress.parse(address), 0, false);
    }
}
