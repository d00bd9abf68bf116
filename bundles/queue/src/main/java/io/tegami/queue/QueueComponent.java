package io.tegami.queue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.tegami.api.config.MailParameters;
import io.tegami.api.delivery.DeliveryAgent;
import io.tegami.api.mail.Envelope;
import io.tegami.api.net.Drainable;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueEntry;
import io.tegami.api.queue.QueueException;
import io.tegami.api.queue.QueuedMessage;
import io.tegami.api.rewrite.AddressRewriter;
import io.tegami.api.service.RankedServices;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link MailQueue} service: OSGi wiring around a {@link SpoolQueue}.
 *
 * <p>Immediate, so that mail left in the queue is delivered after a start even before anyone asks
 * for the service. Delivery agents come and go at any time (dynamic, multiple, greedy); a message
 * for a transport without an agent is deferred, never lost. The spool location is read at
 * activation: moving {@code queue_directory} takes a restart, as in Postfix. Messages created
 * through the service pass {@link Cleanup} (address rewriters, dynamic, multiple, greedy, may be
 * absent); bounces the queue writes itself do not.
 *
 * <p>It is also a {@link Drainable}: {@code postfix stop} lets the deliveries in progress finish
 * before the framework stops, and starts no new one.
 */
@Component(service = {MailQueue.class, Drainable.class}, immediate = true)
public final class QueueComponent implements MailQueue, Drainable {

    private final AgentRegistry agents = new AgentRegistry();
    private final RankedServices<AddressRewriter> rewriters = new RankedServices<>();
    private final Cleanup cleanup = new Cleanup(rewriters, Clock.systemDefaultZone());

    @Reference
    private MailParameters parameters;

    private volatile SpoolQueue queue;

    @Reference(name = "agent", service = DeliveryAgent.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindAgent(DeliveryAgent agent, Map<String, Object> properties) {
        agents.add(agent, properties);
    }

    void updatedAgent(DeliveryAgent agent, Map<String, Object> properties) {
        agents.remove(agent);
        agents.add(agent, properties);
    }

    void unbindAgent(DeliveryAgent agent) {
        agents.remove(agent);
    }

    @Reference(name = "rewriter", service = AddressRewriter.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindRewriter(AddressRewriter rewriter, Map<String, Object> properties) {
        rewriters.add(rewriter, properties);
    }

    void updatedRewriter(AddressRewriter rewriter, Map<String, Object> properties) {
        rewriters.remove(rewriter);
        rewriters.add(rewriter, properties);
    }

    void unbindRewriter(AddressRewriter rewriter) {
        rewriters.remove(rewriter);
    }

    @Activate
    void activate() throws IOException {
        SpoolQueue q = new SpoolQueue(parameters, agents, Clock.systemDefaultZone());
        try {
            q.start();
        } catch (IOException | RuntimeException e) {
            q.stop();
            throw e;
        }
        queue = q;
    }

    @Deactivate
    void deactivate() {
        SpoolQueue q = queue;
        queue = null;
        if (q != null) {
            q.stop();
        }
    }

    @Override
    public MessageWriter create(Envelope envelope) throws QueueException {
        return cleanup.create(queue(), envelope, parameters);
    }

    @Override
    public List<QueueEntry> list() throws QueueException {
        return queue().list();
    }

    @Override
    public Optional<QueueEntry> find(String queueId) throws QueueException {
        return queue().find(queueId);
    }

    @Override
    public void flush() {
        SpoolQueue q = queue;
        if (q != null) {
            q.flush();
        }
    }

    @Override
    public boolean delete(String queueId) throws QueueException {
        return queue().delete(queueId);
    }

    @Override
    public boolean flush(String queueId) throws QueueException {
        return queue().flush(queueId);
    }

    @Override
    public boolean hold(String queueId) throws QueueException {
        return queue().hold(queueId);
    }

    @Override
    public boolean release(String queueId) throws QueueException {
        return queue().release(queueId);
    }

    @Override
    public boolean requeue(String queueId) throws QueueException {
        return queue().requeue(queueId);
    }

    @Override
    public Optional<QueuedMessage> open(String queueId) throws QueueException {
        return queue().open(queueId);
    }

    @Override
    public CompletionStage<Void> drain(Duration bound) {
        SpoolQueue q = queue;
        return q == null ? CompletableFuture.completedStage(null) : q.drain(bound);
    }

    @Override
    public int inProgress() {
        SpoolQueue q = queue;
        return q == null ? 0 : q.deliveriesInProgress();
    }

    private SpoolQueue queue() throws QueueException {
        SpoolQueue q = queue;
        if (q == null) {
            throw new QueueException("mail queue not active");
        }
        return q;
    }
}
