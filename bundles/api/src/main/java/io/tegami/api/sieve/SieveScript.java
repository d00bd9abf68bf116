package io.tegami.api.sieve;

import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/** A compiled, validated script; immutable and reusable across messages. */
@ProviderType
public interface SieveScript {

    /** The name given to {@link SieveEngine#compile}. */
    String name();

    /** The capabilities the script requires (its {@code require} commands). */
    Set<String> requiredExtensions();
}
