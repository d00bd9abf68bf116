package io.tegami.queue;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.Envelope;
import io.tegami.api.rewrite.InetInterfaces;
import io.tegami.api.rewrite.RewriteContext;
import io.tegami.api.rewrite.RewriteException;
import io.tegami.api.table.LookupTable;
import io.tegami.api.table.LookupTables;
import io.tegami.api.table.TableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The header rewriting context of a message, as Postfix's smtpd_check_rewrite() and cleanup decide
 * it. A receiver may name it in the {@value RewriteContext#ATTRIBUTE} envelope attribute; mail
 * without a client address (local submission) is local; otherwise the client is local when it
 * matches {@code local_header_rewrite_clients} (default {@code permit_inet_interfaces}):
 * {@code permit_inet_interfaces}, {@code permit_mynetworks}, {@code permit_sasl_authenticated},
 * {@code check_address_map type:table} or a bare {@code type:table} ({@code static:all}) that
 * knows the client address. A remote client's headers get the {@code remote} context only when
 * {@code remote_header_rewrite_domain} is set, and none at all otherwise.
 */
final class RewriteClients {

    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.queue.cleanup");

    private final Map<String, LookupTable> tables = new ConcurrentHashMap<>();

    /** The context for the message's header addresses, or empty when its headers are left alone. */
    Optional<RewriteContext> headerContext(Envelope envelope, MailParameters parameters) throws RewriteException {
        boolean remoteDomain = !parameters.get("remote_header_rewrite_domain", "").isBlank();
        Optional<RewriteContext> named = RewriteContext.fromAttribute(envelope.attribute(RewriteContext.ATTRIBUTE));
        if (named.isPresent()) {
            return named.get() == RewriteContext.LOCAL || remoteDomain ? named : Optional.empty();
        }
        String client = envelope.attribute(Envelope.CLIENT_ADDRESS);
        if (client == null || client.isBlank()) {
            return Optional.of(RewriteContext.LOCAL);
        }
        if (isLocal(client, envelope, parameters)) {
            return Optional.of(RewriteContext.LOCAL);
        }
        return remoteDomain ? Optional.of(RewriteContext.REMOTE) : Optional.empty();
    }

    private boolean isLocal(String client, Envelope envelope, MailParameters parameters) throws RewriteException {
        InetAddress address = InetInterfaces.literal(client);
        // Split as table lists are, so that an inline:{ a=b, c=d } entry stays whole.
        List<String> entries = LookupTables.split(parameters.get("local_header_rewrite_clients", "permit_inet_interfaces"));
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            boolean matched = switch (entry.toLowerCase(Locale.ROOT)) {
                case "permit_inet_interfaces" -> InetInterfaces.contains(address, parameters);
                case "permit_mynetworks" -> Networks.contains(parameters.getList("mynetworks"), address);
                case "permit_sasl_authenticated" -> {
                    String user = envelope.attribute(Envelope.SASL_USERNAME);
                    yield user != null && !user.isEmpty();
                }
                case "permit_tls_clientcerts", "permit_tls_all_clientcerts" -> false; // no certificate facts here
                case "check_address_map" -> i + 1 < entries.size() && knows(entries.get(++i), client, parameters);
                default -> {
                    if (entry.indexOf(':') > 0) {
                        yield knows(entry, client, parameters);
                    }
                    LOG.warn("unknown local_header_rewrite_clients feature: {}", entry);
                    yield false;
                }
            };
            if (matched) {
                return true;
            }
        }
        return false;
    }

    private boolean knows(String spec, String client, MailParameters parameters) throws RewriteException {
        try {
            LookupTable table = tables.get(spec);
            if (table == null) {
                table = LookupTables.open(spec, parameters.home());
                tables.put(spec, table);
            }
            return table.lookup(client).isPresent();
        } catch (TableException e) {
            LOG.warn("local_header_rewrite_clients: {} lookup error for {}: {}", spec, client, e.getMessage());
            throw new RewriteException("local_header_rewrite_clients: table lookup failure: " + e.getMessage(), e);
        }
    }
}
