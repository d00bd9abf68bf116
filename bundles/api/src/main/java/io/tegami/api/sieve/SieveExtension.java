package io.tegami.api.sieve;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * SPI: one Sieve extension, registered as an OSGi service so that the engine offers it to scripts
 * that {@code require} its {@link #name()}. Everything it contributes is usable only by scripts
 * that require it. The lists are read once when the service arrives.
 */
@ConsumerType
public interface SieveExtension {

    /** The capability name scripts require ({@code fileinto}, {@code comparator-i;ascii-numeric}). */
    String name();

    /** New commands: actions and tests. */
    default List<SieveCommand> commands() {
        return List.of();
    }

    /** New tagged arguments for existing commands (such as {@code :copy} on {@code fileinto}). */
    default List<SieveTag> tags() {
        return List.of();
    }

    /** New comparators (usable with {@code :comparator}). */
    default List<SieveComparator> comparators() {
        return List.of();
    }

    /** New match types (such as {@code :regex} or {@code :count}). */
    default List<SieveMatchType> matchTypes() {
        return List.of();
    }

    /** New address parts (such as {@code :user} and {@code :detail}). */
    default List<SieveAddressPart> addressParts() {
        return List.of();
    }
}
