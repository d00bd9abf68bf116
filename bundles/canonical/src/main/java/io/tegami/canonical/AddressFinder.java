package io.tegami.canonical;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.tegami.api.config.MailParameters;
import io.tegami.api.table.LookupTable;
import io.tegami.api.table.TableException;

/**
 * Postfix's mail_addr_find(): the canonical(5) table search order for one address in external
 * form. Each key is tried in every table before the next key:
 * <ol>
 * <li>{@code user+ext@domain}, the whole address (the only key regular-expression tables see);</li>
 * <li>{@code user@domain}, with the {@code recipient_delimiter} extension removed;</li>
 * <li>{@code user+ext}, then {@code user}, when the domain is local ({@link LocalDomains});</li>
 * <li>{@code @domain}.</li>
 * </ol>
 * A match found with the extension removed reports that extension, so the caller can put it back
 * on the result ({@code propagate_unmatched_extensions}).
 */
final class AddressFinder {

    /** A table value, and the extension (with its delimiter) removed to find it, or null. */
    record Found(String value, String extension) {
    }

    private final MailParameters parameters;
    private final LocalDomains localDomains;

    AddressFinder(MailParameters parameters, LocalDomains localDomains) {
        this.parameters = parameters;
        this.localDomains = localDomains;
    }

    Optional<Found> find(List<LookupTable> tables, String address) throws TableException {
        int at = address.lastIndexOf('@');
        String local = at < 0 ? address : address.substring(0, at);
        String atDomain = at < 0 ? null : address.substring(at);
        String[] split = split(local);
        String bareLocal = split == null ? null : split[0];
        String extension = split == null ? null : split[1];

        Optional<String> v = lookup(tables, address, true);
        if (v.isPresent()) {
            return found(v, null);
        }
        if (bareLocal != null) {
            v = lookup(tables, bareLocal + (atDomain == null ? "" : atDomain), false);
            if (v.isPresent()) {
                return found(v, extension);
            }
        }
        if (atDomain != null && localDomains.isLocal(atDomain.substring(1))) {
            v = lookup(tables, local, false);
            if (v.isPresent()) {
                return found(v, null);
            }
            if (bareLocal != null) {
                v = lookup(tables, bareLocal, false);
                if (v.isPresent()) {
                    return found(v, extension);
                }
            }
        }
        if (atDomain != null) {
            return found(lookup(tables, atDomain, false), null);
        }
        return Optional.empty();
    }

    private static Optional<Found> found(Optional<String> value, String extension) {
        return value.map(v -> new Found(v, extension));
    }

    /** maps_find(): the first table with an entry; partial keys skip pattern tables. */
    private static Optional<String> lookup(List<LookupTable> tables, String key, boolean full) throws TableException {
        for (LookupTable table : tables) {
            if (!full && table.isPattern()) {
                continue;
            }
            Optional<String> value = table.lookup(key);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /**
     * Postfix's split_addr(): {@code {local, extension-with-delimiter}} at the first
     * {@code recipient_delimiter} character, or null when the local part is not split:
     * postmaster, MAILER-DAEMON and the double-bounce sender never are, nor (with {@code -} as a
     * delimiter and {@code owner_request_special = yes}) {@code owner-foo} and {@code foo-request},
     * nor a local part that would become empty.
     */
    String[] split(String local) {
        String delimiters = parameters.get("recipient_delimiter", "");
        if (delimiters.isEmpty()) {
            return null;
        }
        String lower = local.toLowerCase(Locale.ROOT);
        if (lower.equals("postmaster") || lower.equals("mailer-daemon")
                || lower.equalsIgnoreCase(parameters.get("double_bounce_sender", "double-bounce"))) {
            return null;
        }
        if (delimiters.indexOf('-') >= 0 && parameters.getBoolean("owner_request_special", true)
                && (lower.startsWith("owner-") || (lower.length() > 8 && lower.endsWith("-request")))) {
            return null;
        }
        int cut = 0;
        while (cut < local.length() && delimiters.indexOf(local.charAt(cut)) < 0) {
            cut++;
        }
        if (cut == 0 || cut == local.length()) {
            return null;
        }
        return new String[] {local.substring(0, cut), local.substring(cut)};
    }
}
