package io.tegami.api.table;

import java.util.Optional;

/** {@code fail:name}: every lookup fails, for testing how callers handle a broken table. */
record FailTable(String spec) implements LookupTable {

    @Override
    public Optional<String> lookup(String key) throws TableException {
        throw new TableException(spec + ": table lookup failed");
    }

    @Override
    public boolean isPattern() {
        return true;
    }
}
