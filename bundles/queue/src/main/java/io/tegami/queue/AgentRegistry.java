package io.tegami.queue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.tegami.api.delivery.DeliveryAgent;

/**
 * The delivery agents present now, by transport name (the {@code transport} service property).
 *
 * <p>Fed by the component's dynamic, multiple reference; read by delivery threads on every
 * recipient, so an agent that goes away is simply not found and the mail is deferred. When several
 * agents claim one transport, the highest {@code service.ranking} wins, then the oldest service.
 */
final class AgentRegistry {

    private record Binding(DeliveryAgent agent, String transport, int ranking, long serviceId) {
    }

    private static final Comparator<Binding> PREFERENCE =
            Comparator.comparingInt(Binding::ranking).reversed().thenComparingLong(Binding::serviceId);

    private final List<Binding> bindings = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> onAvailable = t -> { };

    /** Tells {@code listener} the transport name whenever an agent for it appears. */
    void onAvailable(Consumer<String> listener) {
        this.onAvailable = listener;
    }

    void add(DeliveryAgent agent, Map<String, ?> properties) {
        Object transport = properties.get(DeliveryAgent.TRANSPORT);
        if (transport == null) {
            return; // not addressable; nothing would route to it
        }
        bindings.add(new Binding(agent, transport.toString(), number(properties.get("service.ranking")),
                number(properties.get("service.id"))));
        onAvailable.accept(transport.toString());
    }

    void remove(DeliveryAgent agent) {
        bindings.removeIf(b -> b.agent() == agent);
    }

    /** The preferred agent for a transport. */
    Optional<DeliveryAgent> find(String transport) {
        return bindings.stream().filter(b -> b.transport().equals(transport)).min(PREFERENCE).map(Binding::agent);
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
