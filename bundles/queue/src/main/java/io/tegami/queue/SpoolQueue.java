package io.tegami.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.Envelope;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueEntry;
import io.tegami.api.queue.QueueException;
import io.tegami.api.queue.QueuedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail queue itself, free of OSGi: the spool, the writers, the queue manager and its passes.
 * {@link QueueComponent} creates one per activation; tests create it directly.
 */
final class SpoolQueue implements MailQueue {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolQueue.class);
    private static final int MAX_DELIVERY_THREADS = 8;

    private final Spool spool;
    private final MailParameters parameters;
    private final Clock clock;
    private final QueueIds ids;
    private final QueueManager manager;
    private final QueueContext ctx;
    private final QueueScanner scanner;
    private final QueueLister lister;
    private final AgentRegistry agents;
    private final QueueAdmin admin;

    SpoolQueue(MailParameters parameters, AgentRegistry agents, Clock clock) {
        this(parameters, agents, clock, Spool::syncDirectory);
    }

    /** A queue whose spool directory fsyncs run through {@code fsync} (tests watch or break them). */
    SpoolQueue(MailParameters parameters, AgentRegistry agents, Clock clock, DirectorySync.Fsync fsync) {
        this.parameters = parameters;
        this.agents = agents;
        this.clock = clock;
        this.spool = new Spool(spoolDirectory(parameters), fsync);
        this.ids = new QueueIds(clock);
        int threads = (int) Math.max(1, Math.min(parameters.getLong("default_process_limit", 100), MAX_DELIVERY_THREADS));
        this.manager = new QueueManager(threads, (id, force) -> new DeliveryPass(ctx(), id, force).run());
        Bouncer bouncer = new Bouncer(this, parameters, clock);
        this.ctx = new QueueContext(spool, parameters, agents, new Router(parameters), bouncer, manager,
                new DestinationLimiter(), clock);
        this.scanner = new QueueScanner(ctx);
        this.lister = new QueueLister(spool);
        this.admin = new QueueAdmin(ctx);
        manager.onAfterPass(admin::afterPass);
    }

    static Path spoolDirectory(MailParameters parameters) {
        return parameters.getPath("queue_directory").orElseGet(() -> parameters.home().resolve("data/spool"));
    }

    private QueueContext ctx() {
        return ctx;
    }

    Spool spool() {
        return spool;
    }

    /** Creates the spool if needed, recovers what a previous run left, and starts delivering. */
    void start() throws IOException {
        spool.create();
        agents.onAvailable(manager::transportAvailable);
        scanner.recover();
        manager.schedulePeriodic(scanner::scan, () -> parameters.getDuration("queue_run_delay", Duration.ofSeconds(300)));
        LOG.info("queue started: {}", spool.root());
    }

    /** postfix stop: no new deliveries; the stage completes when the running ones have ended. */
    CompletionStage<Void> drain(Duration bound) {
        return manager.drain(bound);
    }

    /** The deliveries (passes over one message) running now. */
    int deliveriesInProgress() {
        return manager.running();
    }

    /** Stops delivering; whatever is not finished stays on disk for the next start. */
    void stop() {
        agents.onAvailable(t -> { });
        manager.stop();
        LOG.info("queue stopped");
    }

    @Override
    public MessageWriter create(Envelope envelope) throws QueueException {
        return SpoolWriter.create(spool, ids, envelope, clock.instant(), id -> manager.submit(id, false));
    }

    @Override
    public List<QueueEntry> list() throws QueueException {
        return lister.list();
    }

    @Override
    public Optional<QueueEntry> find(String queueId) throws QueueException {
        return lister.find(queueId);
    }

    @Override
    public void flush() {
        try {
            for (String id : spool.ids(Spool.DEFERRED)) {
                manager.submit(id, true);
            }
            for (String id : spool.ids(Spool.ACTIVE)) {
                manager.submitIfIdle(id);
            }
        } catch (IOException e) {
            LOG.warn("flush: cannot read the queue: {}", e.toString());
        }
    }

    @Override
    public boolean delete(String queueId) throws QueueException {
        if (!QueueIds.isQueueId(queueId)) {
            return false; // also keeps "../x" out of file names
        }
        boolean found = false;
        try {
            for (String queue : Spool.MESSAGE_QUEUES) {
                found |= Files.deleteIfExists(spool.file(queue, queueId));
            }
            Files.deleteIfExists(ctx.deferLog(queueId));
            Files.deleteIfExists(ctx.bounceLog(queueId));
        } catch (IOException e) {
            throw new QueueException(queueId + ": cannot delete: " + e.getMessage(), e);
        }
        if (found) {
            DeliveryLog.removed(queueId);
        }
        return found;
    }

    @Override
    public boolean flush(String queueId) {
        return admin.flush(queueId);
    }

    @Override
    public boolean hold(String queueId) throws QueueException {
        return admin.hold(queueId);
    }

    @Override
    public boolean release(String queueId) throws QueueException {
        return admin.release(queueId);
    }

    @Override
    public boolean requeue(String queueId) throws QueueException {
        return admin.requeue(queueId);
    }

    @Override
    public Optional<QueuedMessage> open(String queueId) throws QueueException {
        return admin.open(queueId);
    }
}
