package io.tegami.canonical;

import java.util.Locale;

import io.tegami.api.config.MailParameters;
import io.tegami.api.rewrite.InternalForm;
import io.tegami.api.table.LookupTables;
import io.tegami.api.table.TableException;

/**
 * Address masquerading (Postfix's cleanup_masquerade): strip the host part below a domain listed
 * in {@code masquerade_domains}, so that {@code user@host.example.com} becomes
 * {@code user@example.com}. The list is tried in order and the first entry that equals the domain
 * or is a parent of it decides; an entry written {@code !sub.example.com} decides "leave alone".
 * Local parts named in {@code masquerade_exceptions} (names or {@code type:table}, without case)
 * are never masqueraded.
 */
final class Masquerade {

    private final MailParameters parameters;
    private final Tables tables;

    Masquerade(MailParameters parameters, Tables tables) {
        this.parameters = parameters;
        this.tables = tables;
    }

    String apply(String address) throws TableException {
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return address;
        }
        String domain = address.substring(at + 1);
        if (domain.isEmpty()) {
            return address;
        }
        if (excepted(InternalForm.externalize(address.substring(0, at)).toLowerCase(Locale.ROOT))) {
            return address;
        }
        for (String entry : parameters.getList("masquerade_domains")) {
            boolean truncate = true;
            String masq = entry;
            while (masq.startsWith("!")) {
                truncate = !truncate;
                masq = masq.substring(1);
            }
            masq = masq.toLowerCase(Locale.ROOT);
            if (masq.isEmpty()) {
                continue;
            }
            if (masq.length() == domain.length()) {
                if (masq.equalsIgnoreCase(domain)) {
                    return address;
                }
            } else if (masq.length() < domain.length()) {
                int parent = domain.length() - masq.length();
                if (domain.charAt(parent - 1) == '.' && domain.substring(parent).equalsIgnoreCase(masq)) {
                    return truncate ? address.substring(0, at + 1) + masq : address;
                }
            }
        }
        return address;
    }

    /** Postfix's string_list_match() of {@code masquerade_exceptions}: first match decides, {@code !} negates. */
    private boolean excepted(String name) throws TableException {
        for (String entry : LookupTables.split(parameters.get("masquerade_exceptions", ""))) {
            boolean negated = entry.startsWith("!");
            String e = negated ? entry.substring(1) : entry;
            boolean matched = e.indexOf(':') > 0 ? tables.open(e).lookup(name).isPresent() : e.equalsIgnoreCase(name);
            if (matched) {
                return !negated;
            }
        }
        return false;
    }
}
