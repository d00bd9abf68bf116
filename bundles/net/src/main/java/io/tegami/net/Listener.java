package io.tegami.net;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.config.MailParameters;
import io.tegami.api.net.ListenerInfo;
import io.tegami.api.net.ProtocolHandler;
import io.tegami.api.tls.TlsProvider;

/**
 * One configured listener ({@code tegami.listener} factory configuration): a TCP port served by
 * the best {@link ProtocolHandler} whose {@code protocol} property matches.
 *
 * <p>The port is bound while such a handler exists. When the serving handler leaves, a
 * remaining one (if any) takes the new connections; when the last leaves, the server socket is
 * closed. Either way the sessions of the leaving handler are told to {@code shutdown()} (the
 * protocol's goodbye) on their session threads and get up to {@link #GRACE} to close before they
 * are cut. That wait happens inside the unbind callback on purpose: the handler's bundle is
 * still active then, so its sessions can still run its code.
 *
 * <p>A listener without an {@code address} binds where main.cf says ({@link BindDefaults}:
 * {@code inet_interfaces} for SMTP, Dovecot's {@code listen} for the others). Those are read when
 * the listener starts or its configuration changes, and when the parameters service arrives;
 * editing them later needs the listener restarted, as Postfix needs {@code postfix stop; postfix
 * start} for {@code inet_interfaces}.
 */
@Component(configurationPid = Listener.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ListenerConfig.class, factory = true)
public final class Listener {

    static final String FACTORY_PID = "tegami.listener";
    static final Duration GRACE = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(Listener.class);

    @Reference
    private EventLoops loops;

    private final AtomicReference<TlsProvider> tlsProvider = new AtomicReference<>();
    private final AtomicReference<MailParameters> parameters = new AtomicReference<>();
    private final HandlerChoice handlers = new HandlerChoice();
    private final SessionRegistry sessions = new SessionRegistry();
    /** What new connections get; null while not accepting. Read on event loops, so no lock. */
    private volatile ChannelSetup.Serving serving;
    private ListenerSettings settings; // guarded by this; null unless active
    private Map<String, Object> props; // guarded by this; the configuration, re-read when main.cf arrives
    private ServerSockets sockets; // guarded by this
    private boolean draining; // guarded by this: postfix stop closed the port for good
    private PublishedListener published; // ListenerStatus + Drainable service; null unless active via DS

    /** For DS. */
    public Listener() {
    }

    /** For tests. */
    Listener(EventLoops loops) {
        this.loops = loops;
    }

    /** DS activation (a name of its own: DS would pick {@code activate(Map)} over a two-argument overload). */
    @Activate
    void activateAndPublish(BundleContext context, Map<String, Object> props) {
        activate(props);
        published = PublishedListener.register(context, this);
    }

    synchronized void activate(Map<String, Object> props) {
        this.props = props;
        settings = parse(props);
        sockets = new ServerSockets(loops, new ChannelSetup(loops, sessions, () -> serving, tlsProvider::get));
        refresh();
    }

    /**
     * New settings apply to new connections. The port is bound again only if the addresses or
     * the protocol changed; a protocol change also ends the sessions of the old protocol.
     */
    @Modified
    void modified(Map<String, Object> props) {
        ListenerSettings next = parse(props);
        boolean protocolChanged;
        synchronized (this) {
            if (settings == null) {
                return; // deactivated meanwhile
            }
            this.props = props;
            ListenerSettings previous = settings;
            protocolChanged = !previous.protocol().equals(next.protocol());
            if (previous.needsRebind(next)) {
                sockets.close(previous, "configuration changed");
            }
            settings = next;
            refresh();
        }
        if (protocolChanged) {
            sessions.shutdown(s -> !s.protocol().equals(next.protocol()), GRACE);
        }
        if (published != null) {
            published.update();
        }
    }

    @Deactivate
    void deactivate() {
        if (published != null) {
            published.unregister();
        }
        synchronized (this) {
            serving = null;
            sockets.close(settings, "listener stopped");
            settings = null;
            props = null;
        }
        sessions.shutdown(s -> true, GRACE);
    }

    @Reference(name = "handlers", service = ProtocolHandler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedHandler", unbind = "unbindHandler")
    void bindHandler(ProtocolHandler handler, Map<String, Object> props) {
        synchronized (this) {
            handlers.put(handler, props);
            refresh();
        }
    }

    void updatedHandler(ProtocolHandler handler, Map<String, Object> props) {
        boolean stillServes;
        synchronized (this) {
            handlers.put(handler, props);
            refresh();
            stillServes = settings == null || handlers.serves(handler, settings.protocol());
        }
        if (!stillServes) {
            sessions.shutdown(s -> s.handler() == handler, GRACE);
        }
    }

    void unbindHandler(ProtocolHandler handler, Map<String, Object> props) {
        synchronized (this) {
            handlers.remove(handler, props);
            refresh(); // closes the port first if it was the last one: no new sessions while the old end
        }
        sessions.shutdown(s -> s.handler() == handler, GRACE);
    }

    @Reference(name = "tlsProvider", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(name=default)", unbind = "unbindTlsProvider")
    void bindTlsProvider(TlsProvider provider) {
        tlsProvider.set(provider);
    }

    void unbindTlsProvider(TlsProvider provider) {
        // A greedy replacement binds the new provider before unbinding the old one.
        tlsProvider.compareAndSet(provider, null);
    }

    /**
     * The parameters arrived (or were replaced): a listener without an address may have to move.
     * Sockets are rebound only if the addresses differ, so swapping the config bundle is harmless.
     */
    @Reference(name = "parameters", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindParameters")
    void bindParameters(MailParameters p) {
        parameters.set(p);
        synchronized (this) {
            if (settings == null) {
                return; // not active yet: activate() reads them
            }
            ListenerSettings next;
            try {
                next = parse(props);
            } catch (IllegalArgumentException e) {
                LOG.error("{}; keeping the addresses bound now", e.getMessage());
                return;
            }
            if (settings.needsRebind(next)) {
                sockets.close(settings, "listen/inet_interfaces changed");
            }
            settings = next;
            refresh();
        }
    }

    void unbindParameters(MailParameters p) {
        // Keep the sockets where they are: the parameters usually come back at once (bundle update).
        parameters.compareAndSet(p, null);
    }

    private ListenerSettings parse(Map<String, Object> props) {
        MailParameters p = parameters.get();
        return ListenerSettings.parse(props, protocol -> BindDefaults.addressFor(protocol, p));
    }

    /** Makes the sockets and the serving handler match the handlers present now. Holds the lock. */
    private void refresh() {
        if (settings == null) {
            return; // bound before activation: activate() refreshes
        }
        if (draining) { // postfix stop: no new connections, whatever handlers come and go
            serving = null;
            if (sockets.isBound()) {
                sockets.close(settings, "stopping: finishing the sessions in progress");
            }
            return;
        }
        ProtocolHandler best = handlers.best(settings.protocol());
        serving = best == null ? null : new ChannelSetup.Serving(best, settings);
        if (best != null && !sockets.isBound()) {
            sockets.bind(settings);
        } else if (best == null && sockets.isBound()) {
            sockets.close(settings, "no " + settings.protocol() + " protocol handler");
        }
    }

    /** The bound addresses, for tests (port 0 binds an ephemeral port). */
    synchronized List<InetSocketAddress> boundAddresses() {
        return sockets == null ? List.of() : sockets.addresses();
    }

    int liveSessions() {
        return sessions.size();
    }

    /** What the sessions see of this listener; null while inactive. */
    synchronized ListenerInfo info() {
        return settings == null ? null : settings.info();
    }

    /** postfix stop ({@link PublishedListener}): closes the port for good and lets the sessions end. */
    CompletionStage<Void> drain(Duration bound) {
        synchronized (this) {
            draining = true;
            refresh();
        }
        return new SessionDrain(sessions).start(bound);
    }
}
