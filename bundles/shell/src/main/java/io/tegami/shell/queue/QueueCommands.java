package io.tegami.shell.queue;

import java.time.ZoneId;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.queue.MailQueue;

/**
 * The {@code mailq}, {@code postqueue}, {@code postsuper} and {@code postcat} console commands
 * (Gogo scope {@code tegami}).
 *
 * <p>The queue reference is optional and dynamic, so the commands stay registered while the queue
 * bundle is stopped or updated and answer with Postfix's "mail system is down" messages. Output
 * goes to {@code System.out}/{@code System.err}, which Gogo routes to the calling session (console
 * or admin socket); {@code postsuper -} reads ids from {@code System.in} likewise.
 */
@Component(service = QueueCommands.class)
@GogoCommand(scope = "tegami", function = {"mailq", "postqueue", "postsuper", "postcat"})
public final class QueueCommands {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailQueue queue;

    public QueueCommands() {
    }

    /** For tests, which have no DS to set the field. */
    QueueCommands(MailQueue queue) {
        this.queue = queue;
    }

    @Descriptor("list the mail queue, like Postfix's mailq (postqueue -p)")
    public void mailq(@Descriptor("(sendmail options, ignored)") String... args) {
        new Postqueue(queue, ZoneId.systemDefault()).list(System.out);
        System.out.flush();
    }

    @Descriptor("list (-p, -j) or flush (-f, -i ID) the mail queue, like Postfix's postqueue")
    public void postqueue(@Descriptor("-p | -j | -f | -i queue_id") String... args) {
        new Postqueue(queue, ZoneId.systemDefault()).run(args, System.out);
        System.out.flush();
    }

    @Descriptor("delete, hold, release or requeue queued mail, like Postfix's postsuper")
    public void postsuper(@Descriptor("-d | -h | -H | -r  queue_id | ALL | -  [queue ...]") String... args) {
        new Postsuper(queue, System.in, System.err).run(args);
        System.err.flush();
    }

    @Descriptor("show a queued message, like Postfix's postcat -q")
    public void postcat(@Descriptor("-q [-e] [-h] [-b] queue_id ...") String... args) {
        new Postcat(queue, ZoneId.systemDefault()).run(args, System.out);
        System.out.flush();
    }
}
