package io.tegami.policy.rbl;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Component;

import io.tegami.api.config.MailParameters;
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
public class DnsblScorePolicy extends DnsListPolicy {

    private final DnsblScore score;

    /** For Declarative Services. */
    public DnsblScorePolicy() {
        this(DnsLists.SHARED);
    }

    DnsblScorePolicy(DnsLists lists) {
        this.score = new DnsblScore(lists);
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
