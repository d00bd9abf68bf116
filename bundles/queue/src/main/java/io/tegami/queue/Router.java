package io.tegami.queue;

import java.util.Locale;

import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.table.TableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the transport for a recipient, as Postfix's trivial-rewrite does for the simple case:
 * a domain listed in {@code mydestination} is delivered by {@code local}, everything else by
 * {@code smtp}. Read on every call, so a changed {@code mydestination} applies at once.
 *
 * <p>An address in a {@code virtual_alias_domains} domain that cleanup did not expand (no
 * {@code virtual_alias_maps} entry; the SMTP server refuses those, but local submissions and
 * forwards reach the queue) goes to the {@code error} transport and bounces with "User unknown in
 * virtual alias table", as trivial-rewrite resolves it. When that list cannot be read the
 * recipient goes to {@code retry} and is deferred, as for an address resolver failure.
 */
final class Router {

    static final String LOCAL = "local";
    static final String SMTP = "smtp";
    /** Postfix's error(8): bounces every recipient, see {@link AgentCall}. */
    static final String ERROR = "error";
    /** An address that could not be resolved now: deferred, see {@link AgentCall}. */
    static final String RETRY = "retry";

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryPass.class);

    private final MailParameters parameters;
    private final VirtualTables tables = new VirtualTables();

    Router(MailParameters parameters) {
        this.parameters = parameters;
    }

    String transportFor(MailAddress recipient) {
        String domain = recipient.domain();
        for (String local : parameters.getList("mydestination")) {
            if (local.toLowerCase(Locale.ROOT).equals(domain)) {
                return LOCAL;
            }
        }
        try {
            if (VirtualDomains.isAliasDomain(domain, parameters, tables)) {
                return ERROR;
            }
        } catch (TableException e) {
            LOG.warn("{} lookup failure for {}: {}", VirtualDomains.DOMAINS, domain, e.getMessage());
            return RETRY;
        }
        return SMTP;
    }
}
