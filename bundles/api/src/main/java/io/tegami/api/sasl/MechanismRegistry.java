package io.tegami.api.sasl;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link SaslMechanism} services registered right now, for a protocol component that holds
 * a dynamic, multiple reference to them: call {@link #add} from the bind method and
 * {@link #remove} from the unbind method, and {@link #byName()} whenever a capability list or an
 * authentication command needs the set. Reads take a snapshot, so a capability list computed while
 * a mechanism bundle stops sees the set either before or after. Thread-safe.
 *
 * @since 1.1
 */
public final class MechanismRegistry {

    private record Entry(SaslMechanism mechanism, String name, int ranking, long serviceId) {
    }

    /** Higher ranking first, then the older service, as OSGi orders services. */
    private static final Comparator<Entry> PREFERENCE = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    /**
     * A mechanism service arrived.
     *
     * @param properties its service properties: {@value SaslMechanism#MECHANISM} (else
     *        {@link SaslMechanism#name()} is asked), {@code service.ranking}, {@code service.id}
     */
    public void add(SaslMechanism mechanism, Map<String, ?> properties) {
        Object property = properties.get(SaslMechanism.MECHANISM);
        String name = property instanceof String s && !s.isBlank() ? s : mechanism.name();
        entries.add(new Entry(mechanism, name.trim().toUpperCase(Locale.ROOT), (int) number(properties.get("service.ranking")),
                number(properties.get("service.id"))));
    }

    /** A mechanism service went away. */
    public void remove(SaslMechanism mechanism) {
        entries.removeIf(e -> e.mechanism() == mechanism);
    }

    /**
     * A snapshot: the mechanism to use for each name, by upper-case name. Of several services with
     * one name, the one with the highest {@code service.ranking} (then the lowest
     * {@code service.id}) wins.
     */
    public Map<String, SaslMechanism> byName() {
        Map<String, SaslMechanism> out = new LinkedHashMap<>();
        entries.stream().sorted(PREFERENCE).forEach(e -> out.putIfAbsent(e.name(), e.mechanism()));
        return out;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
