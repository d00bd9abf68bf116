package io.tegami.net;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import org.osgi.framework.Constants;

import io.tegami.api.net.ProtocolHandler;

/**
 * The {@link ProtocolHandler} services known to a listener, and which one serves a protocol: the
 * highest {@code service.ranking}, then the lowest {@code service.id}, as the OSGi registry ranks.
 * Not thread safe; the listener guards it.
 */
final class HandlerChoice {

    private record Candidate(ProtocolHandler handler, Object protocols, int ranking, long id) {

        boolean serves(String protocol) {
            if (protocols instanceof String[] many) {
                for (String p : many) {
                    if (protocol.equalsIgnoreCase(p.trim())) {
                        return true;
                    }
                }
                return false;
            }
            if (protocols instanceof Collection<?> many) {
                return many.stream().anyMatch(p -> protocol.equalsIgnoreCase(String.valueOf(p).trim()));
            }
            return protocols != null && protocol.equalsIgnoreCase(String.valueOf(protocols).trim());
        }
    }

    private static final Comparator<Candidate> BEST_FIRST =
            Comparator.comparingInt(Candidate::ranking).reversed().thenComparingLong(Candidate::id);

    private final Map<Long, Candidate> byServiceId = new HashMap<>();
    private long anonymous = Long.MAX_VALUE;

    /** Adds or updates a handler from its service properties. */
    void put(ProtocolHandler handler, Map<String, ?> props) {
        long id = serviceId(props);
        byServiceId.put(id, new Candidate(handler, props.get(ProtocolHandler.PROTOCOL), ranking(props), id));
    }

    /** Forgets a handler. */
    void remove(ProtocolHandler handler, Map<String, ?> props) {
        Object id = props.get(Constants.SERVICE_ID);
        if (id instanceof Long l) {
            byServiceId.remove(l);
        } else {
            byServiceId.values().removeIf(c -> c.handler() == handler);
        }
    }

    /** The handler that should serve {@code protocol} now, or {@code null}. */
    ProtocolHandler best(String protocol) {
        return byServiceId.values().stream()
                .filter(c -> c.serves(protocol))
                .min(BEST_FIRST)
                .map(Candidate::handler)
                .orElse(null);
    }

    /** True if {@code handler} is known and serves {@code protocol}. */
    boolean serves(ProtocolHandler handler, String protocol) {
        return byServiceId.values().stream().anyMatch(c -> c.handler() == handler && c.serves(protocol));
    }

    private long serviceId(Map<String, ?> props) {
        // DS always passes service.id; a caller without one (a test) gets a stable fresh id.
        return props.get(Constants.SERVICE_ID) instanceof Long l ? l : anonymous--;
    }

    private static int ranking(Map<String, ?> props) {
        return props.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
    }
}
