package io.tegami.api.sieve;

import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/** A compiled, validated script; immutable and reusable across messages. */
@ProviderType
public interface SieveScript {

    /** The name given to {@link SieveEngine#compile}. */
    String name();

    /** The capabilities the script requires (its {@code require} commands). */
    Set<String> requiredExtensions();

    /**
     * The warnings validation found (each {@link SieveError} read as a warning: Pigeonhole's
     * {@code line L: warning: MESSAGE.}), in script order; empty for most scripts.
     *
     * @since 1.2
     */
    default List<SieveError> warnings() {
        return List.of();
    }
}
