package io.tegami.smtp.restriction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.tegami.api.table.LookupTable;
import io.tegami.api.table.LookupTables;
import io.tegami.api.table.TableException;

/**
 * Opens the lookup tables restrictions name (once: a table re-reads its file when it changes) and
 * searches them with Postfix's key orders. A "partial" key (a parent domain, an address without its
 * extension, {@code user@}) is not given to regular-expression tables, which see only the whole
 * string, as Postfix's {@code DICT_FLAG_FIXED} lookups skip them.
 */
final class AccessTables {

    /** One key to try, and whether it is partial. */
    record Key(String key, boolean partial) {
    }

    private static final Map<String, LookupTable> OPEN = new ConcurrentHashMap<>();

    private AccessTables() {
    }

    static LookupTable table(RestrictionSettings settings, String spec) throws TableException {
        String cacheKey = settings.home() + "\0" + spec;
        LookupTable table = OPEN.get(cacheKey);
        if (table == null) {
            table = LookupTables.open(spec, settings.home());
            LookupTable raced = OPEN.putIfAbsent(cacheKey, table);
            if (raced != null) {
                table = raced;
            }
        }
        return table;
    }

    static List<LookupTable> tables(RestrictionSettings settings, List<String> specs) throws TableException {
        List<LookupTable> out = new ArrayList<>();
        for (String spec : specs) {
            out.add(table(settings, spec));
        }
        return out;
    }

    /** maps_find(): the first table with an entry for the key. */
    static Optional<String> find(List<LookupTable> maps, Key key) throws TableException {
        for (LookupTable table : maps) {
            if (key.partial() && table.isPattern()) {
                continue;
            }
            Optional<String> value = table.lookup(key.key());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** Tries the keys in order; the first hit wins. */
    static Optional<String> find(List<LookupTable> maps, List<Key> keys) throws TableException {
        for (Key key : keys) {
            Optional<String> value = find(maps, key);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /**
     * mail_addr_find()'s default order, for {@code smtpd_sender_login_maps} and
     * {@code relay_recipient_maps}: {@code user+ext@domain}, {@code user@domain}, then, when the
     * domain is {@code $myorigin} or local, {@code user+ext} and {@code user}, then {@code @domain}.
     */
    static List<Key> addressKeys(String address, RestrictionSettings settings) {
        List<Key> keys = new ArrayList<>();
        int at = address.lastIndexOf('@');
        String local = at < 0 ? address : address.substring(0, at);
        String domain = at < 0 ? "" : address.substring(at + 1);
        int ext = extension(local, settings.recipientDelimiter());
        keys.add(new Key(address, false));
        if (ext > 0) {
            keys.add(new Key(local.substring(0, ext) + (at < 0 ? "" : "@" + domain), true));
        }
        if (at >= 0 && (domain.equalsIgnoreCase(settings.myorigin()) || TrivialResolver.isLocal(domain, settings))) {
            keys.add(new Key(local, true));
            if (ext > 0) {
                keys.add(new Key(local.substring(0, ext), true));
            }
        }
        if (at >= 0) {
            keys.add(new Key("@" + domain, true));
        }
        return keys;
    }

    /**
     * The access(5) order for sender and recipient addresses: {@code user+ext@domain},
     * {@code user@domain}, {@code domain} and its parents ({@code example.com} or
     * {@code .example.com} as {@code parent_domain_matches_subdomains} says), {@code user+ext@},
     * {@code user@}.
     */
    static List<Key> accessKeys(String address, RestrictionSettings settings) {
        List<Key> keys = new ArrayList<>();
        int at = address.lastIndexOf('@');
        String local = at < 0 ? address : address.substring(0, at);
        String domain = at < 0 ? "" : address.substring(at + 1);
        int ext = extension(local, settings.recipientDelimiter());
        keys.add(new Key(address, false));
        if (ext > 0) {
            keys.add(new Key(local.substring(0, ext) + "@" + domain, true));
        }
        if (!domain.isEmpty()) {
            keys.addAll(domainKeys(domain, settings.parentMatchesSubdomains("smtpd_access_maps"), true));
        }
        keys.add(new Key(local + "@", true));
        if (ext > 0) {
            keys.add(new Key(local.substring(0, ext) + "@", true));
        }
        return keys;
    }

    /** A domain, then its parent domains; only the first key when {@code firstPartial} is false is full. */
    static List<Key> domainKeys(String domain, boolean parentStyle, boolean firstPartial) {
        List<Key> keys = new ArrayList<>();
        keys.add(new Key(domain, firstPartial));
        if (domain.startsWith("[") || HostNames.validHostaddr(domain)) {
            return keys;
        }
        for (int dot = domain.indexOf('.', 1); dot >= 0; dot = domain.indexOf('.', dot + 1)) {
            String parent = parentStyle ? domain.substring(dot + 1) : domain.substring(dot);
            if (!parent.isEmpty() && !parent.equals(".")) {
                keys.add(new Key(parent, true));
            }
        }
        return keys;
    }

    /** Where the address extension starts in a local part (the first delimiter after the first character), or -1. */
    static int extension(String local, String delimiters) {
        int cut = -1;
        for (int i = 0; i < delimiters.length(); i++) {
            int at = local.indexOf(delimiters.charAt(i));
            if (at > 0 && (cut < 0 || at < cut)) {
                cut = at;
            }
        }
        return cut;
    }
}
