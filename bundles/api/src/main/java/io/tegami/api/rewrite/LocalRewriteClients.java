package io.tegami.api.rewrite;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.tegami.api.config.MailParameters;
import io.tegami.api.table.LookupTable;
import io.tegami.api.table.LookupTables;
import io.tegami.api.table.TableException;

/**
 * Postfix's smtpd_check_rewrite(): whether an SMTP client is local for header rewriting, per
 * {@code local_header_rewrite_clients} (Postfix's default {@code permit_inet_interfaces}). A
 * local client's message headers are rewritten in the {@link RewriteContext#LOCAL} context and
 * get missing {@code Message-Id:}, {@code Date:} and {@code From:} headers; others get the
 * {@link RewriteContext#REMOTE} context.
 *
 * <p>The entries, tried in order until one matches: {@code permit_inet_interfaces} (the client
 * connects from one of this system's addresses, {@link InetInterfaces}), {@code permit_mynetworks},
 * {@code permit_sasl_authenticated}, {@code permit_tls_clientcerts} and
 * {@code permit_tls_all_clientcerts} (never: Tegami asks no client for a certificate), and
 * {@code check_address_map type:table} or a bare {@code type:table}, which matches when the table
 * knows the client's address. {@code static:all} (any {@code static:} value, in fact) therefore
 * makes every client local; an empty list makes none local. Unknown entries are logged and skipped,
 * as Postfix does.
 *
 * <p>The SMTP server decides this with the listener's own value (a master.cf {@code -o} override)
 * and passes the answer on in the {@value RewriteContext#ATTRIBUTE} envelope attribute; the queue
 * decides it with the main value for mail that comes without one. Both use this class, so the two
 * agree. Opened tables are cached by this instance; it is thread safe.
 *
 * @since 1.1
 */
public final class LocalRewriteClients {

    /** The parameter's name. */
    public static final String PARAMETER = "local_header_rewrite_clients";
    /** Postfix's default value. */
    public static final String DEFAULT = "permit_inet_interfaces";

    /**
     * What the decision knows about a client.
     *
     * @param address the client's IP address; {@code null} when unknown (then only
     *        {@code permit_sasl_authenticated} can match)
     * @param saslUsername the SASL login of the session, or {@code null}
     * @param mynetworks whether an address is in {@code $mynetworks}, as the caller reads that list
     */
    public record Client(InetAddress address, String saslUsername, Predicate<InetAddress> mynetworks) {
    }

    private final Map<String, LookupTable> tables = new ConcurrentHashMap<>();
    private final Consumer<String> warnings;

    /**
     * @param warnings where the warnings go that Postfix would log (an unknown entry, a table that
     *        failed), so that they appear in the caller's log
     */
    public LocalRewriteClients(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /**
     * Whether {@code client} matches the list.
     *
     * @param value the parameter value ({@code permit_inet_interfaces, check_address_map hash:/x})
     * @param parameters for {@code inet_interfaces}, {@code proxy_interfaces} and the home
     *        directory that relative table names are resolved against
     * @throws RewriteException when a table could not be read: Postfix then answers
     *         {@code 451 4.3.0 Temporary lookup error}
     */
    public boolean matches(String value, Client client, MailParameters parameters) throws RewriteException {
        // Split as table lists are, so that an inline:{ a=b, c=d } entry stays whole.
        List<String> entries = value == null ? List.of() : LookupTables.split(value);
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            boolean matched = switch (entry.toLowerCase(Locale.ROOT)) {
                case "permit_inet_interfaces" -> InetInterfaces.contains(client.address(), parameters);
                case "permit_mynetworks" -> client.address() != null && client.mynetworks().test(client.address());
                case "permit_sasl_authenticated" -> client.saslUsername() != null && !client.saslUsername().isEmpty();
                case "permit_tls_clientcerts", "permit_tls_all_clientcerts" -> false;
                case "check_address_map" -> i + 1 < entries.size() && knows(entries.get(++i), client, parameters);
                default -> {
                    if (entry.indexOf(':') > 0) {
                        yield knows(entry, client, parameters);
                    }
                    warnings.accept("parameter " + PARAMETER + ": invalid request: " + entry);
                    yield false;
                }
            };
            if (matched) {
                return true;
            }
        }
        return false;
    }

    private boolean knows(String spec, Client client, MailParameters parameters) throws RewriteException {
        if (client.address() == null) {
            return false;
        }
        String key = client.address().getHostAddress();
        try {
            LookupTable table = tables.get(spec);
            if (table == null) {
                table = LookupTables.open(spec, parameters.home());
                tables.put(spec, table);
            }
            return table.lookup(key).isPresent();
        } catch (TableException e) {
            warnings.accept(PARAMETER + ": " + spec + " lookup error for " + key + ": " + e.getMessage());
            throw new RewriteException(PARAMETER + ": table lookup failure: " + e.getMessage(), e);
        }
    }
}
