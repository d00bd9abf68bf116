package io.tegami.policy.rbl;

import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.config.MailParameters;
import io.tegami.api.dns.DnsResolver;
import io.tegami.api.smtp.SmtpPolicy;

/**
 * The services every DNS list restriction queries through: the dns bundle's resolver and the
 * mail parameters, both optional and dynamic so that either bundle can be swapped while smtpd
 * runs. The subclasses are the DS components; bnd copies these references into their
 * descriptors ({@code -dsannotations-options: inherit}). The fields are package-private, not
 * private, because Felix SCR injects into a superclass's field only when it is not private.
 */
abstract class DnsListPolicy implements SmtpPolicy {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DnsResolver dns;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MailParameters parameters;

    /** For tests: the services DS would inject. */
    void bind(DnsResolver dns, MailParameters parameters) {
        this.dns = dns;
        this.parameters = parameters;
    }
}
