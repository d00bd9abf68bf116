package io.tegami.shell.lifecycle;

import java.io.PrintStream;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.tegami.shell.queue.PostfixAction;

/** {@code postfix abort}, as postfix-script does it (see {@link LifecycleAction}). */
@Component(property = PostfixAction.COMMAND + "=abort")
public final class AbortAction implements PostfixAction {

    private volatile MailSystem system;

    public AbortAction() {
    }

    /** For tests, which have no framework. */
    AbortAction(MailSystem system) {
        this.system = system;
    }

    @Activate
    void activate(BundleContext context) {
        system = new FrameworkMailSystem(context);
    }

    @Override
    public void run(List<String> args, PrintStream out, PrintStream err) {
        LifecycleAction.run("abort", args, system, err);
    }
}
