package io.tegami.queue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.rewrite.InternalForm;
import io.tegami.api.rewrite.RewriteException;
import io.tegami.api.table.AddressFinder;
import io.tegami.api.table.LookupTable;
import io.tegami.api.table.TableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Postfix cleanup(8)'s one-to-many recipient rewriting through {@code virtual_alias_maps}
 * (virtual(5)), cleanup_map1n_internal(): each address found in the tables (key order of
 * {@link AddressFinder}) is replaced by the addresses of its value, which are looked up again, for
 * every domain. An address that maps onto itself is kept and not expanded again, so
 * {@code info@x  info@x, archive@x} works. Too deep a nesting
 * ({@code virtual_alias_recursion_limit}), too many addresses
 * ({@code virtual_alias_expansion_limit}) or a table that cannot be read refuse the message for
 * now, as Postfix's "message not accepted, try again later".
 */
final class VirtualAliasing {

    static final String MAPS = "virtual_alias_maps";

    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.queue.cleanup");

    private final VirtualTables tables = new VirtualTables();

    /**
     * The recipients one recipient becomes, without duplicates; just the recipient when no table
     * has an entry for it.
     *
     * @throws RewriteException when a table cannot be read, a limit is exceeded or a value holds
     *         no usable address: the message is not accepted now
     */
    List<MailAddress> expand(MailAddress recipient, MailParameters parameters, String queueId) throws RewriteException {
        String value = parameters.get(MAPS, "").trim();
        if (value.isEmpty() || recipient.isNullSender()) {
            return List.of(recipient);
        }
        String original = recipient.localPart() + "@" + recipient.domain();
        List<LookupTable> maps;
        try {
            maps = tables.list(value, parameters.home());
        } catch (TableException e) {
            throw refused(queueId, MAPS + " map lookup problem for " + original, e);
        }
        AddressFinder finder = new AddressFinder(parameters.get("recipient_delimiter", ""),
                parameters.get("double_bounce_sender", "double-bounce"), parameters.getBoolean("owner_request_special", true),
                d -> VirtualLocalDomains.isLocal(d, parameters, tables));
        Results results = new Results(parameters);
        long recursionLimit = parameters.getLong("virtual_alias_recursion_limit", 1000);
        long expansionLimit = parameters.getLong("virtual_alias_expansion_limit", 1000);

        List<String> argv = new ArrayList<>(List.of(original));
        Set<String> beenHere = new HashSet<>();
        for (int arg = 0; arg < argv.size(); arg++) {
            if (argv.size() > expansionLimit) {
                throw refused(queueId, "unreasonable " + MAPS + " map expansion size for " + original, null);
            }
            for (int count = 0;; count++) {
                String current = argv.get(arg);
                if (beenHere.contains(current.toLowerCase(Locale.ROOT))) {
                    break; // it expanded into itself once: deliver it as it is
                }
                if (count >= recursionLimit) {
                    throw refused(queueId, "unreasonable " + MAPS + " map nesting for " + original, null);
                }
                Optional<List<String>> lookup;
                try {
                    lookup = map(finder, maps, current, results);
                } catch (TableException e) {
                    throw refused(queueId, MAPS + " map lookup problem for " + current, e);
                }
                if (lookup.isEmpty()) {
                    break;
                }
                List<String> found = lookup.get();
                if (found.isEmpty()) {
                    throw refused(queueId, MAPS + " lookup of " + current + " returns non-address result", null);
                }
                for (int i = 0; i < found.size(); i++) {
                    if (i == 0) {
                        argv.set(arg, found.get(i));
                    } else {
                        argv.add(found.get(i));
                    }
                    if (found.get(i).equalsIgnoreCase(current)) {
                        beenHere.add(current.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        Set<MailAddress> expanded = new LinkedHashSet<>();
        for (String a : argv) {
            if (!InternalForm.isComplete(a) || InternalForm.localPart(a).isEmpty()) {
                throw refused(queueId, MAPS + " lookup of " + original + " returns non-address result", null);
            }
            expanded.add(a.equals(original) ? recipient : MailAddress.of(InternalForm.localPart(a), InternalForm.domain(a)));
        }
        return List.copyOf(expanded);
    }

    /**
     * mail_addr_map(): the internal addresses one internal address maps to, or empty when no table
     * has it. {@code @otherdomain} means the same user (without extension) in that domain.
     */
    private static Optional<List<String>> map(AddressFinder finder, List<LookupTable> maps, String internal, Results results)
            throws TableException {
        String external = InternalForm.externalize(internal);
        Optional<AddressFinder.Match> match = finder.find(maps, external);
        if (match.isEmpty()) {
            return Optional.empty();
        }
        String value = match.get().value().trim();
        String extension = match.get().extension();
        if (value.startsWith("@")) {
            String user = InternalForm.localPart(external);
            if (extension != null && user.endsWith(extension)) {
                user = user.substring(0, user.length() - extension.length());
            }
            value = user + value;
        }
        return Optional.of(results.crunch(value, results.propagate ? extension : null));
    }

    private static RewriteException refused(String queueId, String problem, TableException cause) {
        String detail = cause == null ? "" : ": " + cause.getMessage();
        LOG.warn("{}: {}{} -- message not accepted, try again later", queueId, problem, detail);
        return new RewriteException(problem + detail, cause);
    }

    /** mail_addr_crunch(): a table value as a list of complete internal addresses. */
    private static final class Results {

        final boolean propagate;
        private final String origin;

        Results(MailParameters parameters) {
            List<String> names = parameters.get("propagate_unmatched_extensions").isPresent()
                    ? parameters.getList("propagate_unmatched_extensions") : List.of("canonical", "virtual");
            this.propagate = names.stream().anyMatch("virtual"::equalsIgnoreCase);
            this.origin = parameters.get("myorigin").orElseGet(() -> parameters.get("myhostname", "")).trim();
        }

        /**
         * Each address of a value (separated by commas or white space, angle brackets allowed),
         * unquoted, completed with {@code @$myorigin} when it has no domain, with the unmatched
         * extension inserted before its {@code @}.
         */
        List<String> crunch(String value, String extension) {
            List<String> result = new ArrayList<>();
            for (String part : split(value)) {
                String a = part.startsWith("<") && part.endsWith(">") ? part.substring(1, part.length() - 1) : part;
                if (a.isEmpty()) {
                    continue;
                }
                String internal = InternalForm.internalize(a);
                if (internal.lastIndexOf('@') < 0 && !origin.isEmpty()) {
                    internal = internal + "@" + origin;
                }
                if (extension != null) {
                    int at = internal.lastIndexOf('@');
                    internal = at < 0 ? internal + extension : internal.substring(0, at) + extension + internal.substring(at);
                }
                result.add(internal);
            }
            return result;
        }

        /** Splits at commas and white space outside double quotes. */
        private static List<String> split(String value) {
            List<String> parts = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
                    quoted = !quoted;
                }
                if (!quoted && (c == ',' || Character.isWhitespace(c))) {
                    if (current.length() > 0) {
                        parts.add(current.toString());
                        current.setLength(0);
                    }
                } else {
                    current.append(c);
                }
            }
            if (current.length() > 0) {
                parts.add(current.toString());
            }
            return parts;
        }
    }
}
