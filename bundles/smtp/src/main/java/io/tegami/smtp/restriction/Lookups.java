package io.tegami.smtp.restriction;

import java.util.List;

import io.tegami.api.address.AddressResolver;

import io.tegami.api.dns.DnsResolver;
import io.tegami.api.rewrite.AddressRewriter;
import io.tegami.api.user.UserDirectory;

/**
 * The services restrictions consult, as they are at the moment of the check (each may be absent
 * while bundles come and go).
 *
 * @param dns the DNS resolver, or {@code null}
 * @param users the user directory (Postfix's {@code local_recipient_maps}), or {@code null}
 * @param rewriters the queue's address rewriters in the order they apply (canonical maps: what
 *        an address will be delivered as); empty when none
 * @param resolvers the alias resolvers (aliases(5)), highest ranking first: a local name one of
 *        them knows is a valid recipient, as Postfix's local_recipient_maps includes $alias_maps
 * @param policies the plugin policies by restriction name (never {@code null})
 */
record Lookups(DnsResolver dns, UserDirectory users, List<AddressRewriter> rewriters, List<AddressResolver> resolvers,
        PolicyServices policies) {

    Lookups {
        rewriters = rewriters == null ? List.of() : List.copyOf(rewriters);
        resolvers = resolvers == null ? List.of() : List.copyOf(resolvers);
        policies = policies == null ? new PolicyServices() : policies;
    }

    /** Without plugin policies. */
    Lookups(DnsResolver dns, UserDirectory users, List<AddressRewriter> rewriters, List<AddressResolver> resolvers) {
        this(dns, users, rewriters, resolvers, null);
    }

    /** Without alias resolvers. */
    Lookups(DnsResolver dns, UserDirectory users, List<AddressRewriter> rewriters) {
        this(dns, users, rewriters, List.of());
    }

    /** Without address rewriters. */
    Lookups(DnsResolver dns, UserDirectory users) {
        this(dns, users, List.of());
    }
}
