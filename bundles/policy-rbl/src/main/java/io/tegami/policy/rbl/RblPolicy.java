package io.tegami.policy.rbl;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Component;

import io.tegami.api.dns.DnsResolver;
import io.tegami.api.smtp.PolicyAction;
import io.tegami.api.smtp.PolicyRequest;
import io.tegami.api.smtp.SmtpPolicy;

/**
 * Postfix's DNS list restrictions for the SMTP server's restriction lists:
 * {@code reject_rbl_client zone[=d.d.d.d]}, {@code reject_rhsbl_client}, {@code
 * reject_rhsbl_reverse_client}, {@code reject_rhsbl_helo}, {@code reject_rhsbl_sender}, {@code
 * reject_rhsbl_recipient}, {@code permit_dnswl_client} and {@code permit_rhswl_client}. Lookups go
 * through the dns bundle's {@link DnsResolver} (so {@code dns_servers} applies) and never block:
 * the answer is the resolver's stage, which the SMTP server awaits on the session's thread.
 */
@Component(service = SmtpPolicy.class, property = {
        SmtpPolicy.RESTRICTION + "=reject_rbl_client",
        SmtpPolicy.RESTRICTION + "=permit_dnswl_client",
        SmtpPolicy.RESTRICTION + "=reject_rhsbl_client",
        SmtpPolicy.RESTRICTION + "=permit_rhswl_client",
        SmtpPolicy.RESTRICTION + "=reject_rhsbl_reverse_client",
        SmtpPolicy.RESTRICTION + "=reject_rhsbl_helo",
        SmtpPolicy.RESTRICTION + "=reject_rhsbl_sender",
        SmtpPolicy.RESTRICTION + "=reject_rhsbl_recipient",
        SmtpPolicy.ARGUMENTS + ":Integer=1"})
public class RblPolicy extends DnsListPolicy {

    private final RblChecks checks;

    /** For Declarative Services. */
    public RblPolicy() {
        this(DnsLists.SHARED);
    }

    RblPolicy(DnsLists lists) {
        this.checks = new RblChecks(lists);
    }

    @Override
    public CompletionStage<PolicyAction> check(String name, String argument, PolicyRequest request) {
        if (argument == null || argument.isBlank()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(name + " requires a DNS domain"));
        }
        try {
            return checks.check(dns, parameters, name, argument, request);
        } catch (IllegalArgumentException e) {
            // A malformed list or filter: the SMTP server defers with "Server configuration problem".
            return CompletableFuture.failedFuture(e);
        }
    }
}
