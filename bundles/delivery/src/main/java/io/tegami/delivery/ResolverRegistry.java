package io.tegami.delivery;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tegami.api.address.AddressResolver;
import io.tegami.api.address.Destination;
import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.service.RankedServices;

/**
 * The {@link AddressResolver} services (aliases) present now, highest {@code service.ranking}
 * first: the first that knows an address answers for it. Also says which domains are local, by
 * the rule the queue routes with ({@code mydestination}), so that alias targets in them are
 * expanded here rather than forwarded.
 */
final class ResolverRegistry {

    private final RankedServices<AddressResolver> services = new RankedServices<>();

    void add(AddressResolver resolver, Map<String, Object> properties) {
        services.add(resolver, properties);
    }

    void remove(AddressResolver resolver) {
        services.remove(resolver);
    }

    /** Whether no resolver is registered now (the aliases bundle is stopped or being updated). */
    boolean isEmpty() {
        return services.snapshot().isEmpty();
    }

    Optional<List<Destination>> resolve(MailAddress address) {
        for (AddressResolver resolver : services.snapshot()) {
            Optional<List<Destination>> found = resolver.resolve(address);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    static boolean isLocal(MailParameters parameters, String domain) {
        return destinations(parameters).contains(domain.toLowerCase(Locale.ROOT));
    }

    /** The last {@code mydestination} value split: it is asked for every recipient and every alias target. */
    private record Destinations(String value, Set<String> domains) {
    }

    private static volatile Destinations last;

    private static Set<String> destinations(MailParameters parameters) {
        String value = parameters.get("mydestination").orElse(null);
        Destinations cached = last;
        if (value != null && cached != null && cached.value().equals(value)) {
            return cached.domains();
        }
        Set<String> domains = new HashSet<>();
        for (String local : parameters.getList("mydestination")) {
            domains.add(local.toLowerCase(Locale.ROOT));
        }
        domains = Set.copyOf(domains);
        if (value != null) {
            last = new Destinations(value, domains);
        }
        return domains;
    }
}
