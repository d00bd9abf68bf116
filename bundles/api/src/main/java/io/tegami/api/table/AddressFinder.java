package io.tegami.api.table;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Postfix's mail_addr_find(): the key order of canonical(5) and virtual(5) tables for one
 * address in external (quoted) form. Each key is tried in every table before the next key:
 * <ol>
 * <li>{@code user+ext@domain}, the whole address (the only key regular-expression tables see);</li>
 * <li>{@code user@domain}, with the {@code recipient_delimiter} extension removed;</li>
 * <li>{@code user+ext}, then {@code user}, only when the domain is local (the caller decides:
 *     {@code $myorigin}, {@code $mydestination}, {@code $inet_interfaces});</li>
 * <li>{@code @domain}.</li>
 * </ol>
 * A match found with the extension removed reports that extension, so the caller can put it back
 * on the result ({@code propagate_unmatched_extensions}). Instances are immutable and thread-safe.
 *
 * @since 1.1
 */
public final class AddressFinder {

    /**
     * A table value, and the extension (with its delimiter) that was removed to find it.
     *
     * @param value the table's value, as written
     * @param extension {@code +ext}, or null when the key matched with the whole local part
     */
    public record Match(String value, String extension) {
    }

    /** Whether a domain is this system's own, which makes the bare {@code user} keys apply. */
    @FunctionalInterface
    public interface LocalDomains {
        /**
         * @param domain the domain of the address, as written
         * @throws TableException when a table that lists local domains cannot be read
         */
        boolean isLocal(String domain) throws TableException;
    }

    private final String delimiters;
    private final String doubleBounceSender;
    private final boolean ownerRequestSpecial;
    private final LocalDomains localDomains;

    /**
     * @param recipientDelimiter {@code recipient_delimiter}: the characters that start an
     *        extension; empty for none
     * @param doubleBounceSender {@code double_bounce_sender}, a local part never split
     * @param ownerRequestSpecial {@code owner_request_special}: with {@code -} as a delimiter,
     *        {@code owner-foo} and {@code foo-request} are not split
     * @param localDomains which domains allow the {@code user} keys
     */
    public AddressFinder(String recipientDelimiter, String doubleBounceSender, boolean ownerRequestSpecial,
            LocalDomains localDomains) {
        this.delimiters = recipientDelimiter == null ? "" : recipientDelimiter;
        this.doubleBounceSender = doubleBounceSender == null ? "double-bounce" : doubleBounceSender;
        this.ownerRequestSpecial = ownerRequestSpecial;
        this.localDomains = localDomains;
    }

    /**
     * Searches {@code tables} for {@code address} in the order above.
     *
     * @param address {@code user@domain} in external form, or a bare {@code user}
     * @return the first value found, or empty when no table has a key for the address
     * @throws TableException when a table cannot be read (a temporary failure)
     */
    public Optional<Match> find(List<LookupTable> tables, String address) throws TableException {
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

    private static Optional<Match> found(Optional<String> value, String extension) {
        return value.map(v -> new Match(v, extension));
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
     * Postfix's split_addr(): {@code {local, extension-with-delimiter}} at the first delimiter
     * character, or null when the local part is not split: postmaster, MAILER-DAEMON and the
     * double-bounce sender never are, nor (with {@code -} as a delimiter and
     * {@code owner_request_special}) {@code owner-foo} and {@code foo-request}, nor a local part
     * that would become empty.
     */
    private String[] split(String local) {
        if (delimiters.isEmpty()) {
            return null;
        }
        String lower = local.toLowerCase(Locale.ROOT);
        if (lower.equals("postmaster") || lower.equals("mailer-daemon") || lower.equalsIgnoreCase(doubleBounceSender)) {
            return null;
        }
        if (delimiters.indexOf('-') >= 0 && ownerRequestSpecial
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
