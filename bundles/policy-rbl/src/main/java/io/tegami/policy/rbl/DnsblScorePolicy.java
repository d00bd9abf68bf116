package io.tegami.policy.rbl;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.config.MailParameters;
import io.tegami.api.dns.DnsResolver;
import io.tegami.api.smtp.PolicyAction;
import io.tegami.api.smtp.PolicyRequest;
import io.tegami.api.smtp.SmtpPolicy;

/**
 * {@code reject_dnsbl_score}: postscreen's weighted DNSBL test ({@code postscreen_dnsbl_sites},
 * {@code postscreen_dnsbl_threshold}, {@code postscreen_dnsbl_allowlist_threshold}) as a
 * restriction, since Tegami runs no separate postscreen daemon; see {@link DnsblScore}.
 */
@Component(service = SmtpPolicy.class, property = {
        SmtpPolicy.RESTRICTION + "=" + DnsblScore.NAME,
        SmtpPolicy.ARGUMENTS + ":Integer=0"})
public class DnsblScorePolicy implements SmtpPolicy {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DnsResolver dns;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailParameters parameters;

    private final DnsblScore score;

    /** For Declarative Services. */
    public DnsblScorePolicy() {
        this(DnsLists.SHARED);
    }

    DnsblScorePolicy(DnsLists lists) {
        this.score = new DnsblScore(lists);
    }

    /** For tests: the services DS would inject. */
    void bind(DnsResolver dns, MailParameters parameters) {
        this.dns = dns;
        this.parameters = parameters;
    }

    @Override
    public CompletionStage<PolicyAction> check(String name, String argument, PolicyRequest request) {
        MailParameters p = parameters;
        if (p == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no mail parameters"));
        }
        return score.check(dns, p, request);
    }
}
