package io.tegami.api.table;

import java.util.Optional;

/** {@code static:value}: every key has the same value. */
record StaticTable(String spec, String value) implements LookupTable {

    @Override
    public Optional<String> lookup(String key) {
        return Optional.of(value);
    }

    @Override
    public boolean isPattern() {
        return true;
    }
}
