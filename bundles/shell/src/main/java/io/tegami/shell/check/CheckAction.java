package io.tegami.shell.check;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.config.MailParameters;
import io.tegami.shell.CommandFailedException;
import io.tegami.shell.lifecycle.PostfixScript;
import io.tegami.shell.postconf.ConfigAdminListeners;
import io.tegami.shell.postconf.ListenerSource;
import io.tegami.shell.queue.PostfixAction;

/**
 * {@code postfix check}: warnings and errors as postfix-script prints them; any error ends with
 * {@code postfix/postfix-script: fatal: Postfix integrity check failed!} and exit status 1.
 */
@Component(property = PostfixAction.COMMAND + "=check")
public final class CheckAction implements PostfixAction {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailParameters parameters;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationAdmin configurationAdmin;

    private final PortCheck ports;
    /** Set by tests instead of ConfigAdmin. */
    private final ListenerSource listenerOverride;

    public CheckAction() {
        this.ports = new PortCheck();
        this.listenerOverride = null;
    }

    /** For tests, which have no DS. */
    CheckAction(MailParameters parameters, ListenerSource listeners, PortCheck ports) {
        this.parameters = parameters;
        this.ports = ports;
        this.listenerOverride = listeners;
    }

    @Override
    public void run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            throw new CommandFailedException(1, "postfix: fatal: usage: postfix check");
        }
        MailParameters params = parameters;
        if (params == null) {
            throw PostfixScript.fatal("the mail parameters service is not available (is the config bundle running?)");
        }
        Findings findings = new Findings(err);
        new PostfixCheck(params, listeners(findings), System.getProperty("user.name", "root"), Instant.now(), ports)
                .run(findings);
        err.flush();
        if (findings.errors() > 0) {
            throw PostfixScript.fatal("Postfix integrity check failed!");
        }
    }

    private List<Map<String, Object>> listeners(Findings findings) {
        ConfigurationAdmin cm = configurationAdmin;
        ListenerSource source = listenerOverride != null ? listenerOverride
                : cm == null ? null : new ConfigAdminListeners(cm);
        if (source == null) {
            findings.warning("ConfigurationAdmin is not available: listeners not checked");
            return List.of();
        }
        try {
            return source.listeners();
        } catch (IOException | RuntimeException e) {
            findings.error("cannot read the listener configurations: " + e.getMessage());
            return List.of();
        }
    }
}
