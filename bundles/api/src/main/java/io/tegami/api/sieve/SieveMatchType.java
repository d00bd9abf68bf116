package io.tegami.api.sieve;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/** SPI: a match type ({@code :is}, {@code :contains}, {@code :matches}, {@code :count}...). */
@ConsumerType
public interface SieveMatchType {

    /** The tag with its colon. */
    String tag();

    /** The type of the value following the tag ({@code :value "gt"}), usually none. */
    default SieveArgumentType argument() {
        return SieveArgumentType.NONE;
    }

    /** Whether the comparator must support substring matching for this match type. */
    default boolean needsSubstring() {
        return false;
    }

    /**
     * Whether any value matches any key.
     *
     * @param argument the tag's value, or null
     * @param captures where to put match variables ({@code ${0}}, {@code ${1}}...) when it matches;
     *        cleared and filled only by match types that capture
     */
    boolean matches(SieveComparator comparator, String argument, List<String> values, List<String> keys,
            List<String> captures) throws SieveRuntimeException;
}
