package io.tegami.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tegami.api.address.AddressResolver;
import io.tegami.api.address.Destination;
import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.delivery.DeliveryResult.Status;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueEntry;
import io.tegami.api.queue.QueueException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent with an alias resolver and a queue: forwarding, lists, Delivered-To loops. */
class AliasDeliveryTest {

    /** Keeps what was queued. */
    static final class Queue implements MailQueue {
        final List<Envelope> envelopes = new ArrayList<>();
        final List<String> contents = new ArrayList<>();

        @Override
        public MessageWriter create(Envelope envelope) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            return new MessageWriter() {
                @Override
                public String queueId() {
                    return "NEW" + envelopes.size();
                }

                @Override
                public OutputStream content() {
                    return out;
                }

                @Override
                public String commit() {
                    envelopes.add(envelope);
                    contents.add(out.toString(StandardCharsets.UTF_8));
                    return "NEW" + (envelopes.size() - 1);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public List<QueueEntry> list() {
            return List.of();
        }

        @Override
        public Optional<QueueEntry> find(String queueId) {
            return Optional.empty();
        }

        @Override
        public void flush() {
        }

        @Override
        public boolean delete(String queueId) throws QueueException {
            return false;
        }
    }

    final Fakes.Parameters parameters = new Fakes.Parameters();
    final Fakes.Directory directory = new Fakes.Directory().with("bob").with("carol");
    final Fakes.Store store = new Fakes.Store();
    final Queue queue = new Queue();
    LocalDeliveryAgent agent;
    AddressResolver aliases;

    @BeforeEach
    void setUp() {
        parameters.values.put("mydestination", "here.test");
        agent = new LocalDeliveryAgent(parameters, Clock.fixed(Instant.parse("2024-06-04T10:15:30Z"), ZoneOffset.UTC));
        agent.bindDirectory(directory);
        agent.bindStore(store, Map.of("type", "maildir"));
        agent.bindQueue(queue);
        aliases = a -> switch (a.localPart()) {
            case "list" -> Optional.of(List.of(new Destination.Address(MailAddress.parse("bob@here.test")),
                    new Destination.Address(MailAddress.parse("carol@here.test")),
                    new Destination.Address(MailAddress.parse("x@far.test")),
                    new Destination.Address(MailAddress.parse("y@far.test"))));
            case "plain" -> Optional.of(List.of(new Destination.Address(MailAddress.parse("bob@here.test")),
                    new Destination.Address(MailAddress.parse("x@far.test"))));
            case "owner-list" -> Optional.of(List.of(new Destination.Address(MailAddress.parse("bob@here.test"))));
            case "broken" -> Optional.of(List.of(new Destination.Address(MailAddress.parse("nosuch@here.test")),
                    new Destination.Address(MailAddress.parse("bob@here.test"))));
            default -> Optional.empty();
        };
        agent.bindResolver(aliases, Map.of("service.id", 1L));
    }

    private DeliveryResult deliver(String rcpt, String content) {
        return agent.deliver(new Fakes.Message(Envelope.of(MailAddress.parse("alice@far.test"), List.of(MailAddress.parse(rcpt))),
                content), MailAddress.parse(rcpt));
    }

    @Test
    void aListWithAnOwnerIsRequeuedOnceWithTheOwnerAsSender() {
        DeliveryResult r = deliver("list@here.test", "Subject: s\n\nhi\n");
        assertEquals(DeliveryResult.sent("local", "forwarded as NEW0"), r);
        assertEquals(0, store.appended.size());
        assertEquals(MailAddress.parse("owner-list@here.test"), queue.envelopes.get(0).sender());
        assertEquals(List.of(MailAddress.parse("bob@here.test"), MailAddress.parse("carol@here.test"),
                MailAddress.parse("x@far.test"), MailAddress.parse("y@far.test")), queue.envelopes.get(0).recipients());
        assertEquals("Delivered-To: list@here.test\nSubject: s\n\nhi\n", queue.contents.get(0));
    }

    @Test
    void withoutAnOwnerLocalMembersAreDeliveredAndRemoteOnesForwarded() {
        DeliveryResult r = deliver("plain@here.test", "Subject: s\n\nhi\n");
        assertEquals(Status.SENT, r.status(), r.toString());
        assertEquals("delivered to maildir; forwarded as NEW0", r.detail());
        assertEquals(1, store.appended.size());
        assertEquals("Return-Path: <alice@far.test>\nDelivered-To: bob@here.test\nSubject: s\n\nhi\n",
                new String(store.appended.get(0).content(), StandardCharsets.UTF_8));
        assertEquals(MailAddress.parse("alice@far.test"), queue.envelopes.get(0).sender());
        assertEquals(List.of(MailAddress.parse("x@far.test")), queue.envelopes.get(0).recipients());
    }

    @Test
    void aForwardThatComesBackIsALoop() {
        DeliveryResult r = deliver("list@here.test", "Received: x\nDelivered-To: LIST@here.test\nSubject: s\n\nhi\n");
        assertEquals(DeliveryResult.bounced("5.4.6", "local", "mail forwarding loop for list@here.test"), r);
        assertEquals(0, store.appended.size());
        assertEquals(0, queue.envelopes.size());
    }

    @Test
    void aMemberThatFailsBouncesTheRecipientWithItsReason() {
        DeliveryResult r = deliver("broken@here.test", "Subject: s\n\nhi\n");
        assertEquals(DeliveryResult.bounced("5.1.1", "local", "unknown user: \"nosuch\""), r);
        assertEquals(1, store.appended.size());
    }

    @Test
    void withAliasMapsSetButNoResolverMailIsDeferredNotBouncedAndDeliveredWhenItReturns() {
        parameters.values.put("alias_maps", "hash:configs/aliases");
        agent.unbindResolver(aliases); // the aliases bundle stopped, or being updated
        assertEquals(DeliveryResult.deferred("4.3.0", "local", "alias database unavailable"),
                deliver("plain@here.test", "Subject: s\n\nhi\n"));
        assertEquals(Status.DEFERRED, deliver("bob@here.test", "Subject: s\n\nhi\n").status(),
                "an unaliased name may still be an alias in the table that cannot be read");
        assertEquals(0, store.appended.size());

        agent.bindResolver(aliases, Map.of("service.id", 2L));
        assertEquals(Status.SENT, deliver("bob@here.test", "Subject: s\n\nhi\n").status());
        assertEquals(1, store.appended.size());
    }

    @Test
    void withoutAliasMapsNoResolverIsNeeded() {
        agent.unbindResolver(aliases);
        assertEquals(Status.SENT, deliver("bob@here.test", "Subject: s\n\nhi\n").status());
    }

    @Test
    void withoutAQueueForwardsAreDeferred() {
        agent.unbindQueue(queue);
        assertEquals(Status.DEFERRED, deliver("list@here.test", "Subject: s\n\nhi\n").status());
    }
}
