package io.tegami.shell.lifecycle;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.config.MailParameters;
import io.tegami.api.net.Drainable;
import io.tegami.shell.queue.PostfixAction;

/**
 * {@code postfix stop}, as postfix-script does it (see {@link LifecycleAction}), gracefully: the
 * command answers at once; then every {@link Drainable} (listeners, the queue manager) stops
 * taking work and gets up to {@code tegami_stop_timeout} to finish what is in progress
 * ({@link GracefulDrain}), and only then does the framework stop.
 */
@Component(property = PostfixAction.COMMAND + "=stop")
public final class StopAction implements PostfixAction {

    private final Set<Drainable> drainables = ConcurrentHashMap.newKeySet();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailParameters parameters;
    private volatile MailSystem system;

    public StopAction() {
    }

    /** For tests, which have no framework. */
    StopAction(MailSystem system, MailParameters parameters, List<Drainable> drainables) {
        this.system = system;
        this.parameters = parameters;
        this.drainables.addAll(drainables);
    }

    @Activate
    void activate(BundleContext context) {
        system = new FrameworkMailSystem(context);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeDrainable")
    void addDrainable(Drainable d) {
        drainables.add(d);
    }

    void removeDrainable(Drainable d) {
        drainables.remove(d);
    }

    @Override
    public void run(List<String> args, PrintStream out, PrintStream err) {
        LifecycleAction.run("stop", args, system, err, () -> GracefulDrain.run(drainables, timeout()));
    }

    /** {@code tegami_stop_timeout}, read when the stop begins. */
    Duration timeout() {
        MailParameters p = parameters;
        Duration d = p == null ? GracefulDrain.DEFAULT_TIMEOUT
                : p.getDuration(GracefulDrain.TIMEOUT_PARAMETER, GracefulDrain.DEFAULT_TIMEOUT);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
