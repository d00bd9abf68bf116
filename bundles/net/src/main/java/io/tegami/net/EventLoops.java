package io.tegami.net;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.NonStickyEventExecutorGroup;
import io.netty.util.concurrent.UnorderedThreadPoolEventExecutor;

/**
 * The threads every listener shares: one acceptor, the I/O event loops, and the session threads
 * on which all {@code ProtocolSession} callbacks run.
 *
 * <p>Session threads are a pool, not pinned per connection: each connection gets an ordered view
 * of the pool ({@link NonStickyEventExecutorGroup}), so its callbacks run one at a time and in
 * order, while a session blocked on disk or DNS holds only one pool thread and never delays the
 * other sessions (with Netty's pinned {@code DefaultEventExecutorGroup} it would stall every
 * connection that happens to share its thread).
 *
 * <p>The acceptor and I/O loops use the {@link Transport} that {@code tegami.net.transport} picks
 * (native epoll by default where it loads, else NIO); the choice is logged at start.
 */
@Component(service = EventLoops.class, configurationPid = EventLoops.PID)
@Designate(ocd = EventLoops.Config.class)
public final class EventLoops {

    static final String PID = "tegami.net";

    /** Thread counts. Changing them restarts the listeners. */
    @ObjectClassDefinition(id = PID, name = "Tegami network threads",
            description = "Threads shared by every Tegami listener")
    @interface Config {
        @AttributeDefinition(name = "I/O threads", description = "Netty event loop threads; 0 = two per CPU")
        int worker__threads() default 0;

        @AttributeDefinition(name = "Session threads",
                description = "Threads that run protocol sessions; each blocked session holds one")
        int session__threads() default 32;
    }

    private static final Logger LOG = LoggerFactory.getLogger(EventLoops.class);

    private Transport transport;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private EventExecutorGroup sessions;

    /** For DS. */
    public EventLoops() {
    }

    /** For tests: started at once. */
    EventLoops(int workerThreads, int sessionThreads) {
        start(Transport.choose(System.getProperty(Transport.PROPERTY)), workerThreads, sessionThreads);
    }

    /** For tests: started at once on the given transport. */
    EventLoops(Transport transport, int workerThreads, int sessionThreads) {
        start(transport, workerThreads, sessionThreads);
    }

    @Activate
    void activate(Config config, BundleContext context) {
        // Framework property, which in Felix falls back to the system property (-D in TEGAMI_JAVA_OPTS).
        start(Transport.choose(context.getProperty(Transport.PROPERTY)), config.worker__threads(),
                config.session__threads());
    }

    private void start(Transport chosen, int workerThreads, int sessionThreads) {
        transport = chosen;
        boss = chosen.group(1, new DefaultThreadFactory("tegami-accept", true));
        workers = chosen.group(Math.max(0, workerThreads), new DefaultThreadFactory("tegami-io", true));
        sessions = new NonStickyEventExecutorGroup(new UnorderedThreadPoolEventExecutor(
                Math.max(1, sessionThreads), new DefaultThreadFactory("tegami-session", true)));
        LOG.info("network transport: {} ({}); {} session threads", chosen.name(), chosen.why(), sessionThreads);
    }

    @Deactivate
    void deactivate() {
        // Sockets first, so that their last events reach the session threads before those stop.
        await(boss.shutdownGracefully(0, 2, TimeUnit.SECONDS), workers.shutdownGracefully(0, 2, TimeUnit.SECONDS));
        await(sessions.shutdownGracefully(0, 2, TimeUnit.SECONDS));
    }

    private static void await(Future<?>... futures) {
        for (Future<?> f : futures) {
            if (!f.awaitUninterruptibly(5, TimeUnit.SECONDS)) {
                LOG.warn("network threads did not stop within 5 s");
            }
        }
    }

    /** The transport of {@link #boss()} and {@link #workers()}: server sockets must match it. */
    Transport transport() {
        return transport;
    }

    EventLoopGroup boss() {
        return boss;
    }

    EventLoopGroup workers() {
        return workers;
    }

    /** Where session handlers run: {@code pipeline.addLast(sessions(), ...)}. */
    EventExecutorGroup sessions() {
        return sessions;
    }
}
