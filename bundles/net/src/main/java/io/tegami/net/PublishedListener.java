package io.tegami.net;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.tegami.api.net.Drainable;
import io.tegami.api.net.ListenerInfo;
import io.tegami.api.net.ListenerStatus;

/**
 * A {@link Listener} as other bundles see it: its {@link ListenerStatus} (for
 * {@code tegami:status} and the web console) and its {@link Drainable} (for {@code postfix stop}),
 * one service registered while the listener is active. A thin view: the listener keeps the state.
 */
final class PublishedListener implements ListenerStatus, Drainable {

    private final Listener listener;
    private volatile ListenerInfo last;
    private ServiceRegistration<?> registration; // guarded by this

    PublishedListener(Listener listener) {
        this.listener = listener;
        this.last = listener.info();
    }

    /** Registers the view of an active listener. */
    static PublishedListener register(BundleContext context, Listener listener) {
        PublishedListener view = new PublishedListener(listener);
        synchronized (view) {
            view.registration = context.registerService(
                    new String[] {ListenerStatus.class.getName(), Drainable.class.getName()}, view, view.properties());
        }
        return view;
    }

    /** The listener's configuration changed: its name may have. */
    synchronized void update() {
        ListenerInfo now = listener.info();
        if (now != null) {
            last = now;
            if (registration != null) {
                registration.setProperties(properties());
            }
        }
    }

    synchronized void unregister() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // the bundle is stopping and took it down already
            }
            registration = null;
        }
    }

    private Dictionary<String, Object> properties() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(NAME, last.name());
        props.put("listener.protocol", last.protocol());
        return props;
    }

    @Override
    public ListenerInfo info() {
        ListenerInfo now = listener.info();
        return now == null ? last : now;
    }

    @Override
    public List<InetSocketAddress> boundAddresses() {
        return listener.boundAddresses();
    }

    @Override
    public int openSessions() {
        return listener.liveSessions();
    }

    @Override
    public CompletionStage<Void> drain(Duration bound) {
        return listener.drain(bound);
    }

    @Override
    public int inProgress() {
        return listener.liveSessions();
    }
}
