package io.tegami.smtp.restriction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tegami.api.service.RankedServices;
import io.tegami.api.smtp.SmtpPolicy;

/**
 * The {@link SmtpPolicy} services registered now, by the restriction names they answer to: the
 * restriction lists fall back to them for names that are not built in. When two services claim a
 * name, the highest {@code service.ranking} wins (then the lowest {@code service.id}), as the OSGi
 * service order says. Feed it from a dynamic, multiple reference; any thread may read it.
 *
 * <p>It also remembers the names of policies that were registered once and are gone (their bundle
 * stopped): a list naming one then answers Postfix's "Server configuration problem" deferral, as
 * for a policy server that does not answer, rather than calling the name unknown.
 */
public final class PolicyServices {

    /** One policy as the restriction lists see it: the service and how many words it takes. */
    record Binding(SmtpPolicy policy, List<String> names, int arguments) {
    }

    private final RankedServices<Binding> ranked = new RankedServices<>();
    private final Map<SmtpPolicy, Binding> bindings = new IdentityHashMap<>();
    /** Every name ever registered, with its argument count, to skip its argument when it is gone. */
    private final Map<String, Integer> seen = new ConcurrentHashMap<>();

    /** Adds a policy with its service properties ({@link SmtpPolicy#RESTRICTION}...). */
    public synchronized void add(SmtpPolicy policy, Map<String, ?> properties) {
        Binding binding = new Binding(policy, names(properties.get(SmtpPolicy.RESTRICTION)),
                arguments(properties.get(SmtpPolicy.ARGUMENTS)));
        remove(policy);
        bindings.put(policy, binding);
        ranked.add(binding, properties);
        binding.names().forEach(name -> seen.put(name, binding.arguments()));
    }

    /** Removes a policy (compared by identity). */
    public synchronized void remove(SmtpPolicy policy) {
        Binding binding = bindings.remove(policy);
        if (binding != null) {
            ranked.remove(binding);
        }
    }

    /** The policy answering to the lower-case {@code name} now, or {@code null}. */
    Binding find(String name) {
        for (Binding binding : ranked.snapshot()) {
            if (binding.names().contains(name)) {
                return binding;
            }
        }
        return null;
    }

    /** The argument count of a name some policy answered to once, or {@code null} for a name never seen. */
    Integer gone(String name) {
        return seen.get(name);
    }

    private static List<String> names(Object property) {
        List<String> names = new ArrayList<>();
        if (property instanceof String s) {
            names.add(s);
        } else if (property instanceof String[] array) {
            names.addAll(List.of(array));
        } else if (property instanceof Collection<?> collection) {
            collection.forEach(o -> names.add(String.valueOf(o)));
        }
        return names.stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).filter(n -> !n.isEmpty()).toList();
    }

    private static int arguments(Object property) {
        if (property instanceof Number n) {
            return n.intValue() > 0 ? 1 : 0;
        }
        if (property instanceof String s) {
            return s.trim().equals("1") ? 1 : 0;
        }
        return 0;
    }
}
