package io.tegami.smtp.restriction;

import java.util.List;

import io.tegami.api.rewrite.InternalForm;
import io.tegami.api.table.AddressFinder;
import io.tegami.api.table.LookupTable;
import io.tegami.api.table.LookupTables;
import io.tegami.api.table.TableException;
import io.tegami.smtp.session.SmtpdLog;

/**
 * virtual(5) as the SMTP server sees it. {@code virtual_alias_domains} (default
 * {@code $virtual_alias_maps}: a domain is one when the tables have a key for the bare domain
 * name, as postconf(5) says of type:table entries, the lookup result ignored) are final
 * destinations here whose every address must be listed in {@code virtual_alias_maps}; and an
 * address in any domain that those tables rewrite is a listed recipient, as Postfix's
 * check_rcpt_maps() accepts it. Keys are tried in virtual(5)'s order ({@link AddressFinder}).
 */
final class VirtualAliases {

    static final String MAPS = "virtual_alias_maps";
    static final String DOMAINS = "virtual_alias_domains";

    private VirtualAliases() {
    }

    /**
     * trivial-rewrite's virtual alias domain test for a domain that is not in
     * {@code mydestination}.
     *
     * @throws TableException when a table of the list cannot be read
     */
    static boolean isAliasDomain(String domain, RestrictionSettings settings) throws TableException {
        String value = settings.get(DOMAINS, null);
        if (value == null) {
            value = settings.get(MAPS, ""); // the default, $virtual_alias_maps, unexpanded when unset
        }
        List<String> patterns = value == null || value.isBlank() ? List.of() : LookupTables.split(value);
        return !patterns.isEmpty() && DomainList.matches(patterns, domain, settings.parentMatchesSubdomains(DOMAINS), settings);
    }

    /**
     * Whether {@code virtual_alias_maps} has an entry for the resolved recipient.
     *
     * @param recipient the resolved recipient, internal form
     * @param address the address as given, for the reply on a lookup failure
     * @throws Abort with 451 4.3.0 when a table cannot be read
     */
    static boolean listed(CheckState state, String recipient, String address) {
        RestrictionSettings settings = state.settings();
        List<String> specs = settings.list(MAPS, "");
        if (specs.isEmpty()) {
            return false;
        }
        AddressFinder finder = new AddressFinder(settings.recipientDelimiter(), settings.doubleBounceSender(),
                settings.flag("owner_request_special", true),
                d -> d.equalsIgnoreCase(settings.myorigin()) || TrivialResolver.isLocal(d, settings));
        try {
            List<LookupTable> maps = AccessTables.tables(settings, specs);
            return finder.find(maps, InternalForm.externalize(recipient)).isPresent();
        } catch (TableException e) {
            SmtpdLog.warn("{} lookup failure for {}: {}", MAPS, recipient, e.getMessage());
            throw Rejects.dictRetry(state, address);
        }
    }
}
