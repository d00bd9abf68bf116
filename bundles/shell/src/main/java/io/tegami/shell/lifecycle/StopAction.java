package io.tegami.shell.lifecycle;

import java.io.PrintStream;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.tegami.shell.queue.PostfixAction;

/** {@code postfix stop}, as postfix-script does it (see {@link LifecycleAction}). */
@Component(property = PostfixAction.COMMAND + "=stop")
public final class StopAction implements PostfixAction {

    private volatile MailSystem system;

    public StopAction() {
    }

    /** For tests, which have no framework. */
    StopAction(MailSystem system) {
        this.system = system;
    }

    @Activate
    void activate(BundleContext context) {
        system = new FrameworkMailSystem(context);
    }

    @Override
    public void run(List<String> args, PrintStream out, PrintStream err) {
        LifecycleAction.run("stop", args, system, err);
    }
}
