package io.tegami.queue;

import java.util.Locale;

import io.tegami.api.config.MailParameters;
import io.tegami.api.table.LookupTable;
import io.tegami.api.table.LookupTables;
import io.tegami.api.table.TableException;

/**
 * trivial-rewrite's {@code virtual_alias_domains} test, for the {@link Router}: a domain list
 * (names, {@code .name} for subdomains, {@code !} to negate, {@code type:table} entries matched
 * by the domain or a {@code .parent} key, the value ignored). Unset, the list is
 * {@code $virtual_alias_maps}, so a table that has a key for the bare domain name declares it.
 */
final class VirtualDomains {

    static final String DOMAINS = "virtual_alias_domains";

    private VirtualDomains() {
    }

    static boolean isAliasDomain(String domain, MailParameters parameters, VirtualTables tables) throws TableException {
        String value = parameters.get(DOMAINS).orElseGet(() -> parameters.get(VirtualAliasing.MAPS, ""));
        String name = domain.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        for (String entry : LookupTables.split(value)) {
            boolean match = true;
            String pattern = entry;
            while (pattern.startsWith("!")) {
                match = !match;
                pattern = pattern.substring(1);
            }
            if (pattern.isEmpty() || pattern.startsWith("/")) {
                continue;
            }
            if (pattern.indexOf(':') > 0 && !pattern.startsWith("[")) {
                if (inTable(tables.open(pattern, parameters.home()), name)) {
                    return match;
                }
                continue;
            }
            String p = pattern.toLowerCase(Locale.ROOT);
            if (name.equals(p) || (p.startsWith(".") && name.endsWith(p))) {
                return match;
            }
        }
        return false;
    }

    private static boolean inTable(LookupTable table, String name) throws TableException {
        if (table.lookup(name).isPresent()) {
            return true;
        }
        if (table.isPattern()) {
            return false;
        }
        for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
            if (table.lookup(name.substring(dot)).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
