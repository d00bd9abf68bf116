package io.tegami.smtp.restriction;

import java.util.List;

import io.tegami.api.table.LookupTable;
import io.tegami.api.table.TableException;

/**
 * Postfix's domain_list matching ({@code relay_domains}): names, {@code .name} for subdomains,
 * {@code type:table} lookups of the name and its parents, {@code !} to negate; the first entry that
 * matches decides. When the parameter is listed in {@code parent_domain_matches_subdomains}, a name
 * also matches its subdomains. {@code /file} entries are not supported and match nothing.
 */
final class DomainList {

    private DomainList() {
    }

    /**
     * @throws TableException when a table cannot be read (Postfix's lookup failure)
     */
    static boolean matches(List<String> patterns, String domain, boolean parentStyle, RestrictionSettings settings)
            throws TableException {
        String name = HostNames.lower(HostNames.withoutTrailingDot(domain));
        for (String entry : patterns) {
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
                if (inTable(AccessTables.table(settings, pattern), name, parentStyle)) {
                    return match;
                }
                continue;
            }
            String p = HostNames.lower(pattern);
            if (name.equals(p) || (p.startsWith(".") && name.endsWith(p))
                    || (parentStyle && name.endsWith("." + p))) {
                return match;
            }
        }
        return false;
    }

    private static boolean inTable(LookupTable table, String name, boolean parentStyle) throws TableException {
        if (table.lookup(name).isPresent()) {
            return true;
        }
        if (table.isPattern()) {
            return false;
        }
        for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
            String parent = parentStyle ? name.substring(dot + 1) : name.substring(dot);
            if (!parent.isEmpty() && table.lookup(parent).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
