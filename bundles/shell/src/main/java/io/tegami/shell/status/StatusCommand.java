package io.tegami.shell.status;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.config.MailParameters;
import io.tegami.api.net.ListenerStatus;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.QueueEntry;
import io.tegami.api.queue.QueueException;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.store.MailStore;
import io.tegami.api.store.StoreSelection;
import io.tegami.shell.CommandFailedException;

/**
 * {@code tegami:status [-h]}: one screen for the admin (see {@link StatusReport}). Listeners come
 * from their {@code tegami.listener} configurations; their session counts from the
 * {@link ListenerStatus} the net bundle publishes for each active listener (every open
 * connection, logged in or not; {@code -} for a listener that is not active). Every reference is
 * optional: a part that is down is shown as down, never as an error.
 */
@Component(service = StatusCommand.class)
@GogoCommand(scope = "tegami", function = {"status"})
public final class StatusCommand {

    static final String LISTENER_FACTORY_PID = "tegami.listener";
    static final String USAGE = "usage: status [-h|--help]";
    static final String HELP = USAGE + "\n\nShows the listeners (protocol, address, port, TLS, open connections), the\n"
            + "queue sizes (incoming, active, deferred, hold), the mail store and SASL mechanisms in\n"
            + "use, and every bundle with its id, state and version.";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationAdmin configAdmin;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailQueue queue;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailParameters parameters;

    private final Map<MailStore, String> stores = new ConcurrentHashMap<>();
    private final Map<SaslMechanism, String> mechanisms = new ConcurrentHashMap<>();
    private final Map<ListenerStatus, Boolean> listenerStates = new ConcurrentHashMap<>();
    private volatile Supplier<List<StatusReport.BundleRow>> bundles = List::of;

    public StatusCommand() {
    }

    /** For tests. */
    StatusCommand(ConfigurationAdmin configAdmin, MailQueue queue, MailParameters parameters,
            Supplier<List<StatusReport.BundleRow>> bundles) {
        this.configAdmin = configAdmin;
        this.queue = queue;
        this.parameters = parameters;
        this.bundles = bundles;
    }

    @Activate
    void activate(BundleContext context) {
        bundles = () -> {
            List<StatusReport.BundleRow> rows = new ArrayList<>();
            for (Bundle b : context.getBundles()) {
                rows.add(new StatusReport.BundleRow(b.getBundleId(), state(b.getState()), b.getVersion().toString(),
                        b.getSymbolicName() == null ? "" : b.getSymbolicName()));
            }
            return rows;
        };
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeStore")
    void addStore(MailStore store, Map<String, Object> props) {
        Object type = props.get(MailStore.TYPE);
        stores.put(store, type == null ? "" : type.toString().toLowerCase(Locale.ROOT));
    }

    void removeStore(MailStore store) {
        stores.remove(store);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeMechanism")
    void addMechanism(SaslMechanism mechanism, Map<String, Object> props) {
        Object name = props.get(SaslMechanism.MECHANISM);
        mechanisms.put(mechanism, name instanceof String s && !s.isBlank() ? s : mechanism.name());
    }

    void removeMechanism(SaslMechanism mechanism) {
        mechanisms.remove(mechanism);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeListenerStatus")
    void addListenerStatus(ListenerStatus status) {
        listenerStates.put(status, Boolean.TRUE);
    }

    void removeListenerStatus(ListenerStatus status) {
        listenerStates.remove(status);
    }

    @Descriptor("one screen: listeners, queue sizes, mail store, SASL mechanisms, bundles")
    public void status(@Descriptor("[-h|--help]") String... args) {
        run(args == null ? List.of() : List.of(args), System.out);
    }

    void run(List<String> args, PrintStream out) {
        if (!args.isEmpty()) {
            if (args.get(0).equals("-h") || args.get(0).equals("--help")) {
                out.println(HELP);
                out.flush();
                return;
            }
            throw new CommandFailedException(64, "status: unknown argument '" + args.get(0) + "'\n" + USAGE);
        }
        out.print(StatusReport.render(snapshot()));
        out.flush();
    }

    StatusReport.Data snapshot() {
        MailParameters p = parameters;
        String location = p == null ? StoreSelection.DEFAULT_LOCATION
                : p.get("mail_location").filter(s -> !s.isBlank()).orElse(StoreSelection.DEFAULT_LOCATION);
        String type = StoreSelection.type(location);
        Map<String, Integer> counts = null;
        String queueError = null;
        MailQueue q = queue;
        if (q != null) {
            counts = new LinkedHashMap<>();
            for (String name : List.of(QueueEntry.INCOMING, QueueEntry.ACTIVE, QueueEntry.DEFERRED, QueueEntry.HOLD)) {
                counts.put(name, 0);
            }
            try {
                for (QueueEntry e : q.list()) {
                    counts.merge(e.queueName(), 1, Integer::sum);
                }
            } catch (QueueException e) {
                counts = null;
                queueError = "the mail queue cannot be listed: " + e.getMessage();
            }
        }
        List<String> storeTypes = new ArrayList<>(new TreeSet<>(stores.values()));
        List<String> mechs = new ArrayList<>(new TreeSet<>(mechanisms.values()));
        String configured = p == null ? "" : String.join(" ", p.getList("auth_mechanisms"));
        return new StatusReport.Data(listeners(), counts, queueError, location, type, storeTypes.contains(type),
                storeTypes, mechs, configured, bundles.get());
    }

    private List<StatusReport.ListenerRow> listeners() {
        ConfigurationAdmin ca = configAdmin;
        List<StatusReport.ListenerRow> rows = new ArrayList<>();
        if (ca == null) {
            return rows;
        }
        Configuration[] configs;
        try {
            configs = ca.listConfigurations("(service.factoryPid=" + LISTENER_FACTORY_PID + ")");
        } catch (Exception e) {
            return rows; // a bad filter cannot happen; an unreachable ConfigurationAdmin shows no listeners
        }
        Map<String, Integer> open = new HashMap<>();
        for (ListenerStatus s : listenerStates.keySet()) {
            open.merge(s.info().name(), s.openSessions(), Integer::sum);
        }
        for (Configuration c : configs == null ? new Configuration[0] : configs) {
            Dictionary<String, Object> d = c.getProperties();
            if (d == null || !(LISTENER_FACTORY_PID.equals(c.getFactoryPid())
                    || LISTENER_FACTORY_PID.equals(d.get("service.factoryPid")))) {
                continue;
            }
            String protocol = text(d.get("protocol"), "?");
            String name = text(d.get("name"), protocol);
            // Unset, a listener binds where main.cf says: inet_interfaces for SMTP, listen for the others.
            MailParameters p = parameters;
            String bind = p == null ? "(default)"
                    : p.get(protocol.equals("smtp") ? "inet_interfaces" : "listen").orElse("(default)");
            rows.add(new StatusReport.ListenerRow(name, protocol, text(d.get("address"), bind),
                    text(d.get("port"), "?"), text(d.get("tls"), "none"), open.get(name)));
        }
        rows.sort((a, b) -> a.name().compareTo(b.name()));
        return rows;
    }

    private static String text(Object o, String fallback) {
        if (o == null) {
            return fallback;
        }
        String s = o instanceof String[] a ? String.join(",", a) : o.toString();
        return s.isBlank() ? fallback : s;
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "Active";
            case Bundle.RESOLVED -> "Resolved";
            case Bundle.INSTALLED -> "Installed";
            case Bundle.STARTING -> "Starting";
            case Bundle.STOPPING -> "Stopping";
            case Bundle.UNINSTALLED -> "Uninstalled";
            default -> Integer.toString(state);
        };
    }
}
