package io.tegami.canonical;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tegami.api.config.MailParameters;
import io.tegami.api.rewrite.InternalForm;
import io.tegami.api.rewrite.RewriteContext;
import io.tegami.api.rewrite.RewriteException;
import io.tegami.api.table.AddressFinder;
import io.tegami.api.table.LookupTable;
import io.tegami.api.table.TableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-to-one address mapping through a canonical(5) table list, as Postfix's cleanup_map11() and
 * mail_addr_map() do it: look the address up ({@link AddressFinder}, the api's mail_addr_find()), turn an {@code @otherdomain}
 * result into the same user in that domain, complete the result in the local context, put back an
 * unmatched extension when {@code propagate_unmatched_extensions} names {@code canonical}, and map
 * the result again until an address maps onto itself (at most 10 times). A multi-valued entry is
 * logged and its first address used.
 */
final class CanonicalMaps {

    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.canonical.cleanup");
    private static final int MAX_RECURSION = 10;

    private final MailParameters parameters;
    private final Tables tables;
    private final LocalDomains localDomains;
    private final Completion completion;

    CanonicalMaps(MailParameters parameters, Tables tables, LocalDomains localDomains, Completion completion) {
        this.parameters = parameters;
        this.tables = tables;
        this.localDomains = localDomains;
        this.completion = completion;
    }

    /**
     * Maps an internal address through the tables of {@code parameter}.
     *
     * @throws RewriteException when a table cannot be read or returns no address
     */
    String map(String address, String parameter, String queueId) throws RewriteException {
        List<LookupTable> maps;
        try {
            maps = tables.forParameter(parameter);
        } catch (TableException e) {
            throw lookupProblem(queueId, parameter, address, e);
        }
        if (maps.isEmpty()) {
            return address;
        }
        String current = address;
        for (int count = 0; count < MAX_RECURSION; count++) {
            Optional<List<String>> mapped;
            try {
                mapped = mapOnce(maps, InternalForm.externalize(current));
            } catch (TableException e) {
                throw lookupProblem(queueId, parameter, current, e);
            }
            if (mapped.isEmpty()) {
                return current;
            }
            List<String> result = mapped.get();
            if (result.isEmpty()) {
                LOG.warn("{}: {} lookup of {} returns non-address result", queueId, parameter, current);
                throw new RewriteException(parameter + " lookup of " + current + " returns non-address result");
            }
            if (result.size() > 1) {
                LOG.warn("{}: multi-valued {} entry for {}", queueId, parameter, current);
            }
            String next = InternalForm.internalize(result.get(0));
            boolean toItself = InternalForm.externalize(next).equalsIgnoreCase(InternalForm.externalize(current));
            current = next;
            if (toItself) {
                return current;
            }
        }
        LOG.warn("{}: unreasonable {} map nesting for {}", queueId, parameter, current);
        return current;
    }

    private static RewriteException lookupProblem(String queueId, String parameter, String address, TableException e) {
        LOG.warn("{}: {} map lookup problem for {}: {}", queueId, parameter, address, e.getMessage());
        return new RewriteException(parameter + " map lookup problem for " + address + ": " + e.getMessage(), e);
    }

    /** mail_addr_map(): the external addresses an external address maps to, or empty when it has no entry. */
    private Optional<List<String>> mapOnce(List<LookupTable> maps, String external) throws TableException {
        // Built per lookup from the current parameters, so a changed recipient_delimiter applies at once.
        AddressFinder finder = new AddressFinder(parameters.get("recipient_delimiter", ""),
                parameters.get("double_bounce_sender", "double-bounce"),
                parameters.getBoolean("owner_request_special", true), localDomains::isLocal);
        Optional<AddressFinder.Match> found = finder.find(maps, external);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String value = found.get().value().trim();
        String extension = found.get().extension();
        if (value.startsWith("@")) {
            // The original user in another domain; an extension comes back only by propagation.
            String user = InternalForm.localPart(external);
            if (extension != null && user.endsWith(extension)) {
                user = user.substring(0, user.length() - extension.length());
            }
            value = user + value;
        }
        boolean propagate = extension != null && propagates();
        return Optional.of(crunch(value, propagate ? extension : null));
    }

    /** {@code propagate_unmatched_extensions} (default {@code canonical, virtual}) names {@code canonical}. */
    private boolean propagates() {
        List<String> names = parameters.get("propagate_unmatched_extensions").isPresent()
                ? parameters.getList("propagate_unmatched_extensions") : List.of("canonical", "virtual");
        return names.stream().anyMatch("canonical"::equalsIgnoreCase);
    }

    /**
     * mail_addr_crunch(): each address of a result (separated by commas or white space, angle
     * brackets allowed) completed in the local context, with the extension inserted before its
     * {@code @}.
     */
    private List<String> crunch(String value, String extension) {
        List<String> result = new ArrayList<>();
        for (String part : splitList(value)) {
            String a = part.startsWith("<") && part.endsWith(">") ? part.substring(1, part.length() - 1) : part;
            if (a.isEmpty()) {
                continue;
            }
            String internal = completion.complete(InternalForm.internalize(a), RewriteContext.LOCAL);
            if (extension != null) {
                int at = internal.lastIndexOf('@');
                internal = at < 0 ? internal + extension : internal.substring(0, at) + extension + internal.substring(at);
            }
            result.add(InternalForm.externalize(internal));
        }
        return result;
    }

    /** Splits at commas and white space outside double quotes. */
    private static List<String> splitList(String value) {
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
