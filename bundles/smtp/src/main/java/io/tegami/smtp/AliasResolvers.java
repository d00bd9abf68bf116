package io.tegami.smtp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.tegami.api.address.AddressResolver;

/**
 * The {@link AddressResolver} services (aliases) present now, highest {@code service.ranking}
 * first, then lowest {@code service.id}: the recipient check accepts a local name one of them
 * knows, as local delivery will expand it.
 */
final class AliasResolvers {

    private record Ranked(AddressResolver resolver, int ranking, long serviceId) {
    }

    private static final Comparator<Ranked> ORDER = Comparator.comparingInt(Ranked::ranking).reversed()
            .thenComparingLong(Ranked::serviceId);

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

    List<AddressResolver> snapshot() {
        return services.stream().map(Ranked::resolver).toList();
    }
}
