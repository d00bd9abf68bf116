package io.tegami.smtp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.tegami.api.rewrite.AddressRewriter;

/**
 * The {@link AddressRewriter} services present now, in the order the queue applies them: highest
 * {@code service.ranking} first, then lowest {@code service.id}. The recipient check asks them
 * what the queue will make of an address, so it validates the address that will be delivered.
 */
final class RewriterRegistry {

    private record Ranked(AddressRewriter rewriter, int ranking, long serviceId) {
    }

    private static final Comparator<Ranked> ORDER = Comparator.comparingInt(Ranked::ranking).reversed()
            .thenComparingLong(Ranked::serviceId);

    private volatile List<Ranked> services = List.of();

    synchronized void add(AddressRewriter rewriter, Map<String, Object> properties) {
        List<Ranked> next = new ArrayList<>(services);
        Object ranking = properties.get("service.ranking");
        Object id = properties.get("service.id");
        // OSGi: a ranking that is not an Integer counts as 0.
        next.add(new Ranked(rewriter, ranking instanceof Integer i ? i : 0, id instanceof Number n ? n.longValue() : Long.MAX_VALUE));
        next.sort(ORDER);
        services = List.copyOf(next);
    }

    synchronized void remove(AddressRewriter rewriter) {
        List<Ranked> next = new ArrayList<>(services);
        next.removeIf(r -> r.rewriter() == rewriter);
        services = List.copyOf(next);
    }

    /** The rewriters in the order they apply. */
    List<AddressRewriter> snapshot() {
        return services.stream().map(Ranked::rewriter).toList();
    }
}
