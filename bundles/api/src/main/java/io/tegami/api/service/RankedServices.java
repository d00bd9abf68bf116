package io.tegami.api.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The services of one kind present now, in the OSGi service order: highest
 * {@code service.ranking} first, then lowest {@code service.id}. Feed it from the bind and unbind
 * methods of a dynamic, multiple reference; read it with {@link #snapshot()}, which never changes
 * under the reader, so a message or command handled with one snapshot sees one consistent chain
 * while services come and go.
 *
 * @param <S> the service type
 */
public final class RankedServices<S> {

    private record Ranked<S>(S service, int ranking, long serviceId) {
    }

    private final Comparator<Ranked<S>> order = Comparator.<Ranked<S>>comparingInt(Ranked::ranking).reversed()
            .thenComparingLong(Ranked::serviceId);

    private volatile List<Ranked<S>> services = List.of();

    /**
     * Adds a service with its properties ({@code service.ranking}, {@code service.id}).
     * A ranking that is not an {@code Integer} counts as 0, as OSGi specifies.
     */
    public synchronized void add(S service, Map<String, ?> properties) {
        List<Ranked<S>> next = new ArrayList<>(services);
        Object ranking = properties.get("service.ranking");
        Object id = properties.get("service.id");
        next.add(new Ranked<>(service, ranking instanceof Integer i ? i : 0,
                id instanceof Number n ? n.longValue() : Long.MAX_VALUE));
        next.sort(order);
        services = List.copyOf(next);
    }

    /** Removes a service (compared by identity). */
    public synchronized void remove(S service) {
        List<Ranked<S>> next = new ArrayList<>(services);
        next.removeIf(r -> r.service() == service);
        services = List.copyOf(next);
    }

    /** The services present now, in order; an immutable list. */
    public List<S> snapshot() {
        return services.stream().map(Ranked::service).toList();
    }
}
