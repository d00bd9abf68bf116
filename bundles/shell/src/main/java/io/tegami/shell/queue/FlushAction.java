package io.tegami.shell.queue;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.queue.MailQueue;
import io.tegami.shell.CommandFailedException;

/** {@code postfix flush}: try to deliver all deferred mail now, like {@code postqueue -f}. */
@Component(property = PostfixAction.COMMAND + "=flush")
public final class FlushAction implements PostfixAction {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailQueue queue;

    public FlushAction() {
    }

    /** For tests, which have no DS to set the field. */
    FlushAction(MailQueue queue) {
        this.queue = queue;
    }

    @Override
    public void run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            throw new CommandFailedException("postfix: fatal: usage: postfix flush");
        }
        new Postqueue(queue, ZoneId.systemDefault()).flush("postfix");
    }
}
