package io.tegami.imap.auth;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tegami.api.sasl.SaslMechanism;

/**
 * The {@link SaslMechanism} services registered right now, as DS binds and unbinds them. Reads
 * take a snapshot, so a CAPABILITY computed while a bundle stops sees the set either before or
 * after.
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
        entries.add(new Entry(mechanism, name.trim().toUpperCase(Locale.ROOT), number(properties.get("service.ranking")),
                number(properties.get("service.id"))));
    }

    /** A mechanism service went away. */
    public void remove(SaslMechanism mechanism) {
        entries.removeIf(e -> e.mechanism() == mechanism);
    }

    /** The usable mechanism for each name, by upper-case name. */
    public Map<String, SaslMechanism> byName() {
        Map<String, SaslMechanism> out = new LinkedHashMap<>();
        entries.stream().sorted(PREFERENCE).forEach(e -> out.putIfAbsent(e.name(), e.mechanism()));
        return out;
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
