package io.tegami.delivery;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
        String d = domain.toLowerCase(Locale.ROOT);
        for (String local : parameters.getList("mydestination")) {
            if (local.toLowerCase(Locale.ROOT).equals(d)) {
                return true;
            }
        }
        return false;
    }
}
