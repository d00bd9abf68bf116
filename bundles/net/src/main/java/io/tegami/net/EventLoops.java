package io.tegami.net;

import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
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

    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private EventExecutorGroup sessions;

    /** For DS. */
    public EventLoops() {
    }

    /** For tests: started at once. */
    EventLoops(int workerThreads, int sessionThreads) {
        start(workerThreads, sessionThreads);
    }

    @Activate
    void activate(Config config) {
        start(config.worker__threads(), config.session__threads());
    }

    private void start(int workerThreads, int sessionThreads) {
        boss = new NioEventLoopGroup(1, new DefaultThreadFactory("tegami-accept", true));
        workers = new NioEventLoopGroup(Math.max(0, workerThreads), new DefaultThreadFactory("tegami-io", true));
        sessions = new NonStickyEventExecutorGroup(new UnorderedThreadPoolEventExecutor(
                Math.max(1, sessionThreads), new DefaultThreadFactory("tegami-session", true)));
        LOG.debug("network threads started ({} session threads)", sessionThreads);
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
