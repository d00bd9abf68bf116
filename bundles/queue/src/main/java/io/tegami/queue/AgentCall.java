package io.tegami.queue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.tegami.api.delivery.DeliveryAgent;
import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of a delivery agent for one batch of recipients, within the destination's concurrency
 * limit. Whatever the agent does (no agent, an exception, a wrong answer), every recipient gets a
 * result, temporary when in doubt, so that mail is retried, never lost.
 */
final class AgentCall {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryPass.class);

    private AgentCall() {
    }

    /** One result per recipient of {@code batch}, in order. */
    static List<DeliveryResult> deliver(QueueContext ctx, String id, SpoolMessage message, RecipientBatches.Batch batch) {
        String transport = batch.transport();
        List<MailAddress> rcpts = batch.recipients().stream().map(SpoolHeader.Recipient::address).toList();
        if (transport.equals(Router.ERROR)) {
            // trivial-rewrite's nexthop for an unlisted address in a virtual alias domain
            return same(rcpts, DeliveryResult.bounced("5.1.1", "none", "User unknown in virtual alias table"));
        }
        if (transport.equals(Router.RETRY)) {
            return same(rcpts, DeliveryResult.deferred("4.3.0", "none", "address resolver failure"));
        }
        Optional<DeliveryAgent> agent = ctx.agents().find(transport);
        if (agent.isEmpty()) {
            ctx.manager().awaitTransport(id, transport);
            return same(rcpts, DeliveryResult.deferred("4.3.0", "none", DeliveryPass.TRANSPORT_UNAVAILABLE));
        }
        try (DestinationLimiter.Slot slot = ctx.limiter().acquire(batch.destination(), concurrencyLimit(ctx, transport))) {
            // One recipient goes through deliver(), which every agent implements itself.
            List<DeliveryResult> r = rcpts.size() == 1 ? single(agent.get().deliver(message, rcpts.get(0)))
                    : agent.get().deliverAll(message, rcpts);
            if (r == null || r.size() != rcpts.size() || r.stream().anyMatch(Objects::isNull)) {
                return same(rcpts, DeliveryResult.deferred("4.3.0", transport, "delivery agent gave no result"));
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the recipients stay pending
            return same(rcpts, DeliveryResult.deferred("4.3.0", transport, "delivery interrupted"));
        } catch (RuntimeException | LinkageError e) {
            // An agent that fails in a way it could not classify: temporary, so the mail is kept.
            LOG.warn("{}: {} delivery agent failed for {}", id, transport, rcpts, e);
            return same(rcpts, DeliveryResult.deferred("4.3.0", transport, "delivery agent failed: " + e));
        }
    }

    private static long concurrencyLimit(QueueContext ctx, String transport) {
        long fallback = ctx.parameters().getLong("default_destination_concurrency_limit", 20);
        return ctx.parameters().getLong(transport + "_destination_concurrency_limit", fallback);
    }

    private static List<DeliveryResult> single(DeliveryResult r) {
        return r == null ? null : List.of(r);
    }

    private static List<DeliveryResult> same(List<MailAddress> rcpts, DeliveryResult r) {
        return rcpts.stream().map(x -> r).toList();
    }
}
