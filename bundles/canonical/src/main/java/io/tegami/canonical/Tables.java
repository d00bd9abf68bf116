package io.tegami.canonical;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tegami.api.config.MailParameters;
import io.tegami.api.table.LookupTable;
import io.tegami.api.table.LookupTables;
import io.tegami.api.table.TableException;

/**
 * The lookup tables named by {@code *_maps} parameters, opened once per parameter value. A table
 * re-reads its file when the file changes, and a changed parameter opens new tables, so neither
 * an edited map nor a {@code postconf} change needs a restart.
 */
final class Tables {

    private record Opened(String value, List<LookupTable> tables) {
    }

    private final MailParameters parameters;
    private final Map<String, Opened> byParameter = new ConcurrentHashMap<>();
    private final Map<String, LookupTable> bySpec = new ConcurrentHashMap<>();

    Tables(MailParameters parameters) {
        this.parameters = parameters;
    }

    /** The tables of a list parameter ({@code canonical_maps}), in order; empty when it is unset. */
    List<LookupTable> forParameter(String name) throws TableException {
        String value = parameters.get(name, "").trim();
        if (value.isEmpty()) {
            return List.of();
        }
        Opened opened = byParameter.get(name);
        if (opened == null || !opened.value().equals(value)) {
            opened = new Opened(value, List.copyOf(LookupTables.openAll(value, parameters.home())));
            byParameter.put(name, opened);
        }
        return opened.tables();
    }

    /** One table named inside a list such as {@code mydestination} or {@code masquerade_exceptions}. */
    LookupTable open(String spec) throws TableException {
        LookupTable table = bySpec.get(spec);
        if (table == null) {
            table = LookupTables.open(spec, parameters.home());
            if (bySpec.size() > 64) {
                bySpec.clear(); // specs come from configuration; this only guards against churn
            }
            bySpec.put(spec, table);
        }
        return table;
    }
}
