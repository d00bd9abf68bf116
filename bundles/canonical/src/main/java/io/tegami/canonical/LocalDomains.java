package io.tegami.canonical;

import java.util.Locale;

import io.tegami.api.config.MailParameters;
import io.tegami.api.rewrite.InetInterfaces;
import io.tegami.api.table.LookupTable;
import io.tegami.api.table.LookupTables;
import io.tegami.api.table.TableException;

/**
 * Postfix's resolve_local(), widened by canonical(5)'s {@code $myorigin}: whether the domain of
 * an address is this system's own, which makes the bare {@code user} key of canonical(5) apply.
 * A domain is local when it equals {@code $myorigin}, is listed in {@code mydestination} (names,
 * {@code .parent} wildcards, {@code !name} exclusions and {@code type:table} lookups), or is a
 * domain literal {@code [address]} of {@code inet_interfaces} or {@code proxy_interfaces}.
 */
final class LocalDomains {

    private final MailParameters parameters;
    private final Tables tables;

    LocalDomains(MailParameters parameters, Tables tables) {
        this.parameters = parameters;
        this.tables = tables;
    }

    boolean isLocal(String domain) throws TableException {
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
            if (matches(d, e)) {
                return !negated;
            }
        }
        return false;
    }

    private boolean matches(String domain, String entry) throws TableException {
        if (entry.indexOf(':') > 0 && !entry.startsWith("[")) {
            LookupTable table = tables.open(entry);
            return table.lookup(domain).isPresent();
        }
        String e = entry.endsWith(".") ? entry.substring(0, entry.length() - 1) : entry;
        if (e.startsWith(".")) {
            return domain.endsWith(e);
        }
        return domain.equals(e);
    }
}
