package io.tegami.api.table;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One Postfix lookup table. Thread-safe; lookups may block briefly on file reads.
 */
@ProviderType
public interface LookupTable {

    /** The table as configured ({@code hash:/etc/tegami/access}), for logs and replies. */
    String spec();

    /**
     * Looks up one key. Indexed tables compare keys without case, as Postfix folds them to lower
     * case; pattern tables match each expression in file order and return the first result with
     * {@code $1}.. substituted.
     *
     * @return the value, or empty when the table has no entry for the key
     * @throws TableException when the table cannot be read (a temporary lookup failure)
     */
    Optional<String> lookup(String key) throws TableException;

    /**
     * True for {@code regexp:} and {@code pcre:} tables: they see the whole query string, so
     * consumers do not ask them for partial keys (domain only, {@code user@} ...), as in Postfix.
     */
    boolean isPattern();
}
