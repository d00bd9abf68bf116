package io.tegami.delivery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.tegami.api.address.AddressResolver;
import io.tegami.api.address.Destination;
import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.MailAddress;

/**
 * The {@link AddressResolver} services (aliases) present now, highest {@code service.ranking}
 * first: the first that knows an address answers for it. Also says which domains are local, by
 * the rule the queue routes with ({@code mydestination}), so that alias targets in them are
 * expanded here rather than forwarded.
 */
final class ResolverRegistry {

    private record Ranked(AddressResolver resolver, int ranking, long id) {
    }

    private static final Comparator<Ranked> ORDER = Comparator.comparingInt(Ranked::ranking).reversed()
            .thenComparingLong(Ranked::id);

    private volatile List<Ranked> services = List.of();

    synchronized void add(AddressResolver resolver, Map<String, Object> properties) {
        List<Ranked> next = new ArrayList<>(services);
        Object ranking = properties.get("service.ranking");
        Object id = properties.get("service.id");
        next.add(new Ranked(resolver, ranking instanceof Integer i ? i : 0, id instanceof Number n ? n.longValue() : Long.MAX_VALUE));
        next.sort(ORDER);
        services = List.copyOf(next);
    }

    synchronized void remove(AddressResolver resolver) {
        List<Ranked> next = new ArrayList<>(services);
        next.removeIf(r -> r.resolver() == resolver);
        services = List.copyOf(next);
    }

    Optional<List<Destination>> resolve(MailAddress address) {
        for (Ranked r : services) {
            Optional<List<Destination>> found = r.resolver().resolve(address);
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
