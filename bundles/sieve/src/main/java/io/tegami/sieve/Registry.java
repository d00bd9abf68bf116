package io.tegami.sieve;

import io.tegami.api.sieve.SieveAddressPart;
import io.tegami.api.sieve.SieveCommand;
import io.tegami.api.sieve.SieveComparator;
import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveMatchType;
import io.tegami.api.sieve.SieveTag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable snapshot of the available extensions, indexed for the validator. Each item
 * remembers its extension so that it is usable only when the script requires it; the core
 * extension (empty name) is always usable.
 */
final class Registry {

    /** Something an extension contributes, with the extension's name. */
    record Owned<T>(String extension, T item) {
    }

    private final Map<String, SieveExtension> extensions = new HashMap<>();
    private final Map<String, Owned<SieveCommand>> commands = new HashMap<>();
    private final Map<String, List<Owned<SieveTag>>> tags = new HashMap<>();
    private final Map<String, Owned<SieveComparator>> comparators = new HashMap<>();
    private final Map<String, Owned<SieveMatchType>> matchTypes = new HashMap<>();
    private final Map<String, Owned<SieveAddressPart>> addressParts = new HashMap<>();

    Registry(Collection<SieveExtension> all) {
        for (SieveExtension ext : all) {
            String n = ext.name();
            extensions.put(n, ext);
            ext.commands().forEach(c -> commands.put(c.name(), new Owned<>(n, c)));
            ext.tags().forEach(t -> tags.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(new Owned<>(n, t)));
            ext.comparators().forEach(c -> comparators.put(c.name(), new Owned<>(n, c)));
            ext.matchTypes().forEach(m -> matchTypes.put(m.tag(), new Owned<>(n, m)));
            ext.addressParts().forEach(a -> addressParts.put(a.tag(), new Owned<>(n, a)));
        }
    }

    /** The capability names scripts may require (the core is not one). */
    Set<String> names() {
        Set<String> names = new TreeSet<>(extensions.keySet());
        names.remove("");
        return names;
    }

    boolean has(String extension) {
        return !extension.isEmpty() && extensions.containsKey(extension);
    }

    Owned<SieveCommand> command(String name) {
        return commands.get(name);
    }

    /** The extension tag of that name valid for the command, or null. */
    Owned<SieveTag> tag(String name, String command) {
        for (Owned<SieveTag> t : tags.getOrDefault(name, List.of())) {
            if (t.item().commands().contains(command)) {
                return t;
            }
        }
        return null;
    }

    Owned<SieveComparator> comparator(String name) {
        return comparators.get(name);
    }

    Owned<SieveMatchType> matchType(String tag) {
        return matchTypes.get(tag);
    }

    Owned<SieveAddressPart> addressPart(String tag) {
        return addressParts.get(tag);
    }
}
