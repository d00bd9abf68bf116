package io.tegami.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.tegami.api.rewrite.AddressRewriter;

/**
 * The {@link AddressRewriter} services present now, in the order they apply: highest
 * {@code service.ranking} first, then lowest {@code service.id} (the OSGi service order). Each
 * message takes a {@link #snapshot()} when it enters the queue, so a rewriter that comes or goes
 * meanwhile never changes a message halfway.
 */
final class RewriterChain {

    private record Ranked(AddressRewriter rewriter, int ranking, long serviceId) {
    }

    private static final Comparator<Ranked> ORDER = Comparator.comparingInt(Ranked::ranking).reversed()
            .thenComparingLong(Ranked::serviceId);

    private volatile List<Ranked> services = List.of();

    synchronized void add(AddressRewriter rewriter, Map<String, Object> properties) {
        List<Ranked> next = new ArrayList<>(services);
        next.add(new Ranked(rewriter, intProperty(properties.get("service.ranking")), longProperty(properties.get("service.id"))));
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

    private static int intProperty(Object value) {
        return value instanceof Integer i ? i : 0; // OSGi: a ranking that is not an Integer counts as 0
    }

    private static long longProperty(Object value) {
        return value instanceof Number n ? n.longValue() : Long.MAX_VALUE;
    }
}
