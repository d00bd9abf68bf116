package io.tegami.shell.check;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.tegami.api.config.MailParameters;
import io.tegami.api.table.LookupTables;
import io.tegami.api.table.TableException;

/**
 * Checks every lookup table the configuration names: the {@code *_maps} parameters, tables in
 * restriction lists ({@code check_client_access hash:...}) and in {@code mynetworks}, with the
 * same {@link LookupTables} the components use. A table that cannot be opened (unknown type,
 * missing file) is an error, since every lookup in it would fail; a bad line is a warning, as
 * postmap(1) gives it, since the rest of the table still works. Alias tables are read in
 * aliases(5) syntax instead ({@link AliasSyntax}).
 */
final class TableCheck {

    /** A table spec inside a list: a known-looking type, a colon, a name. */
    private static final Pattern SPEC = Pattern.compile("[a-z][a-z0-9]*:.+");
    private static final Set<String> ALIAS_PARAMETERS = Set.of("alias_maps", "alias_database");
    private static final Set<String> FILE_TYPES = Set.of("hash", "btree", "lmdb", "cdb", "dbm", "texthash");

    private TableCheck() {
    }

    static void run(MailParameters params, Map<String, String> listenerOptions, Findings findings) {
        Map<String, String> lists = new TreeMap<>();
        for (String name : names(params)) {
            if (holdsTables(name)) {
                params.get(name).ifPresent(v -> lists.put(name, v));
            }
        }
        listenerOptions.forEach((name, value) -> {
            if (holdsTables(name)) {
                lists.put(name, value);
            }
        });
        Set<String> checked = new LinkedHashSet<>();
        lists.forEach((name, value) -> {
            for (String item : LookupTables.split(value)) {
                if (!SPEC.matcher(item).matches() || item.startsWith("[") || !checked.add(item)) {
                    continue;
                }
                String type = item.substring(0, item.indexOf(':')).toLowerCase(Locale.ROOT);
                if (ALIAS_PARAMETERS.contains(name) && FILE_TYPES.contains(type)) {
                    AliasSyntax.check(resolve(params.home(), item.substring(item.indexOf(':') + 1)), findings);
                } else {
                    table(name, item, params.home(), findings);
                }
            }
        });
    }

    private static Set<String> names(MailParameters params) {
        Set<String> names = new TreeSet<>(params.defaults().keySet());
        names.addAll(params.explicit().keySet());
        names.removeIf(n -> n.indexOf('.') >= 0);
        return names;
    }

    /** Parameters whose values are, or may contain, table specs. */
    static boolean holdsTables(String name) {
        return name.endsWith("_maps") || name.endsWith("_restrictions") || name.endsWith("_checks")
                || name.equals("mynetworks") || name.equals("alias_database") || name.endsWith("_access");
    }

    private static void table(String parameter, String spec, Path home, Findings findings) {
        List<TableException> problems = LookupTables.check(spec, home);
        for (TableException p : problems) {
            if (p.line() > 0) {
                findings.warning(p.getMessage());
            } else {
                findings.error(parameter + ": " + p.getMessage());
            }
        }
    }

    static Path resolve(Path home, String name) {
        Path p = Path.of(name);
        return p.isAbsolute() ? p : home.resolve(p);
    }
}
