package io.tegami.shell.queue;

import java.time.Clock;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.config.MailParameters;
import io.tegami.api.queue.MailQueue;

/**
 * The {@code sendmail} console command (Gogo scope {@code tegami}): reads a message from
 * {@code System.in}, which Gogo routes to the session's input, so that from an OS shell
 * {@code printf 'Subject: hi\n\nhello\n' | bin/tegami-ctl sendmail bob@example.org} queues it, as
 * scripts that pipe into Postfix's sendmail expect.
 */
@Component(service = SendmailCommand.class)
@GogoCommand(scope = "tegami", function = "sendmail")
public final class SendmailCommand {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailQueue queue;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailParameters parameters;

    public SendmailCommand() {
    }

    /** For tests, which have no DS to set the fields. */
    SendmailCommand(MailQueue queue, MailParameters parameters) {
        this.queue = queue;
        this.parameters = parameters;
    }

    @Descriptor("queue a message read from standard input (or -bp: list, -q: flush), like Postfix's sendmail")
    public void sendmail(@Descriptor("[-t] [-i] [-f sender] [-F full_name] [recipient ...] | -bp | -q") String... args) {
        new Sendmail(queue, parameters, ProcessUser.current(), Clock.systemDefaultZone())
                .run(args, System.in, System.out, System.err);
        System.out.flush();
        System.err.flush();
    }
}
