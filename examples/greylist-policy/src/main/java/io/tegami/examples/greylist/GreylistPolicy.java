package io.tegami.examples.greylist;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.tegami.api.smtp.PolicyAction;
import io.tegami.api.smtp.PolicyRequest;
import io.tegami.api.smtp.SmtpPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Greylisting as an SMTP restriction: once this bundle is started, an admin writes
 * {@code check_greylist} in a restriction list, for example
 * {@code smtpd_recipient_restrictions = check_greylist, permit_mynetworks, reject_unauth_destination}.
 * A new (client network, sender, recipient) triplet is answered {@code DEFER_IF_PERMIT}, which
 * the SMTP server turns into {@code 450 4.7.1} if the rest of the list would accept the mail; a
 * retry after the delay passes ({@code DUNNO}: the rest of the list decides).
 *
 * <p>Configured through ConfigAdmin PID {@value GreylistSettings#PID} (see {@link GreylistSettings});
 * a change is applied without losing the greylist. The check runs in memory and answers with a
 * completed stage: nothing here blocks the SMTP session thread.
 */
@Component(configurationPid = GreylistSettings.PID, property = SmtpPolicy.RESTRICTION + "=" + GreylistPolicy.NAME)
public final class GreylistPolicy implements SmtpPolicy {

    /** The restriction name. */
    public static final String NAME = "check_greylist";

    private static final Logger LOG = LoggerFactory.getLogger(GreylistPolicy.class);

    private final Clock clock;
    private volatile Greylist greylist;

    /** For Declarative Services: the system clock. */
    public GreylistPolicy() {
        this(Clock.systemUTC());
    }

    /** For tests: a clock of their own. */
    GreylistPolicy(Clock clock) {
        this.clock = clock;
    }

    @Activate
    void activate(Map<String, Object> properties) {
        greylist = new Greylist(settings(properties, GreylistSettings.DEFAULTS), clock);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        Greylist current = greylist;
        current.update(settings(properties, current.settings()));
    }

    @Override
    public CompletionStage<PolicyAction> check(String name, String argument, PolicyRequest request) {
        return CompletableFuture.completedFuture(decide(request));
    }

    private PolicyAction decide(PolicyRequest request) {
        if (request.recipient() == null || request.sender() == null || request.clientAddress() == null) {
            // postgrey says DUNNO without a triplet: the restriction is in a list evaluated
            // before RCPT (smtpd_delay_reject = no).
            LOG.warn("{}: not in a recipient context ({}); skipped", NAME, request.stage());
            return PolicyAction.DUNNO;
        }
        Greylist.Verdict verdict = greylist.check(request.clientAddress(), request.sender(), request.recipient());
        if (verdict instanceof Greylist.Defer defer) {
            log(request, "greylist", defer.retry() ? "early-retry (" + defer.secondsLeft() + "s missing)" : "new");
            return new PolicyAction("DEFER_IF_PERMIT " + text(request.recipient(), defer.secondsLeft()));
        }
        if (verdict instanceof Greylist.Pass pass) {
            log(request, "pass", pass.waited() < 0 ? "triplet found" : "triplet found, delay=" + pass.waited());
        } else {
            log(request, "pass", "client AWL");
        }
        return PolicyAction.DUNNO;
    }

    /** The deferral text with postgrey's {@code %r} (recipient domain) and {@code %s} (seconds left). */
    String text(String recipient, long secondsLeft) {
        String domain = recipient.substring(recipient.lastIndexOf('@') + 1);
        return greylist.settings().text().replace("%r", domain).replace("%s", Long.toString(secondsLeft));
    }

    /** postgrey's log line: {@code action=greylist, reason=new, client_name=..., ...}. */
    private static void log(PolicyRequest r, String action, String reason) {
        LOG.info("{}action={}, reason={}, client_name={}, client_address={}, sender={}, recipient={}",
                r.queueId() == null ? "" : r.queueId() + ": ", action, reason, r.clientName(),
                r.clientAddress().getHostAddress(), r.sender(), r.recipient());
    }

    /** Bad configuration keeps the previous settings and says why, rather than failing the component. */
    private static GreylistSettings settings(Map<String, Object> properties, GreylistSettings fallback) {
        try {
            return GreylistSettings.from(properties);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: {}; using the previous settings", GreylistSettings.PID, e.getMessage());
            return fallback;
        }
    }
}
