package io.tegami.queue;

import java.nio.file.Path;
import java.util.Locale;

import io.tegami.api.config.MailParameters;
import io.tegami.api.rewrite.InetInterfaces;
import io.tegami.api.table.LookupTables;
import io.tegami.api.table.TableException;

/**
 * virtual(5)'s local domains, where the bare {@code user} keys of {@code virtual_alias_maps}
 * apply: {@code $myorigin}, a domain listed in {@code mydestination} (names, {@code .parent}
 * wildcards, {@code !name} exclusions and {@code type:table} lookups), or a domain literal
 * {@code [address]} of {@code inet_interfaces} or {@code proxy_interfaces}.
 */
final class VirtualLocalDomains {

    private VirtualLocalDomains() {
    }

    static boolean isLocal(String domain, MailParameters parameters, VirtualTables tables) throws TableException {
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (d.isEmpty()) {
            return false;
        }
        String origin = parameters.get("myorigin").orElseGet(() -> parameters.get("myhostname", "")).trim();
        if (d.equalsIgnoreCase(origin)) {
            return true;
        }
        if (d.startsWith("[") && d.endsWith("]")) {
            return InetInterfaces.contains(InetInterfaces.literal(d), parameters);
        }
        for (String entry : LookupTables.split(parameters.get("mydestination", ""))) {
            boolean negated = entry.startsWith("!");
            String e = (negated ? entry.substring(1) : entry).toLowerCase(Locale.ROOT);
            if (matches(d, e, tables, parameters.home())) {
                return !negated;
            }
        }
        return false;
    }

    private static boolean matches(String domain, String entry, VirtualTables tables, Path home) throws TableException {
        if (entry.indexOf(':') > 0 && !entry.startsWith("[")) {
            return tables.open(entry, home).lookup(domain).isPresent();
        }
        String e = entry.endsWith(".") ? entry.substring(0, entry.length() - 1) : entry;
        if (e.startsWith(".")) {
            return domain.endsWith(e);
        }
        return domain.equals(e);
    }
}
