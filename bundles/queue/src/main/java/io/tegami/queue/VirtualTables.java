package io.tegami.queue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tegami.api.table.LookupTable;
import io.tegami.api.table.LookupTables;
import io.tegami.api.table.TableException;

/**
 * The tables cleanup's virtual aliasing reads, opened once per parameter value and kept: a table
 * re-reads its file when the file changes, and a changed parameter value opens new tables, so
 * neither an edited map nor a {@code postconf} change needs a restart.
 */
final class VirtualTables {

    private final Map<String, List<LookupTable>> lists = new ConcurrentHashMap<>();
    private final Map<String, LookupTable> single = new ConcurrentHashMap<>();
    private volatile Path home;

    /** The tables of a list value ({@code hash:configs/virtual, regexp:...}), in order. */
    List<LookupTable> list(String value, Path base) throws TableException {
        rebase(base);
        List<LookupTable> tables = lists.get(value);
        if (tables == null) {
            tables = List.copyOf(LookupTables.openAll(value, base));
            guard(lists);
            lists.put(value, tables);
        }
        return tables;
    }

    /** One table named inside a list such as {@code mydestination} or {@code virtual_alias_domains}. */
    LookupTable open(String spec, Path base) throws TableException {
        rebase(base);
        LookupTable table = single.get(spec);
        if (table == null) {
            table = LookupTables.open(spec, base);
            guard(single);
            single.put(spec, table);
        }
        return table;
    }

    private void rebase(Path base) {
        if (!base.equals(home)) {
            lists.clear();
            single.clear();
            home = base;
        }
    }

    // Values come from configuration; this only bounds churn from many edits.
    private static void guard(Map<String, ?> map) {
        if (map.size() > 32) {
            map.clear();
        }
    }
}
