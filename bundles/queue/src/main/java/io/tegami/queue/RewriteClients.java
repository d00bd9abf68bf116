package io.tegami.queue;

import java.net.InetAddress;
import java.util.Optional;

import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.Envelope;
import io.tegami.api.rewrite.InetInterfaces;
import io.tegami.api.rewrite.LocalRewriteClients;
import io.tegami.api.rewrite.RewriteContext;
import io.tegami.api.rewrite.RewriteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The header rewriting context of a message, as Postfix's smtpd_check_rewrite() and cleanup decide
 * it. A receiver may name it in the {@value RewriteContext#ATTRIBUTE} envelope attribute; mail
 * without a client address (local submission) is local; otherwise the client is local when it
 * matches {@code local_header_rewrite_clients} (default {@code permit_inet_interfaces}), as
 * {@link LocalRewriteClients} decides it. Tegami's SMTP server always names the context (it knows
 * the listener's own value), so this fallback serves other receivers. A remote client's headers
 * get the {@code remote} context only when {@code remote_header_rewrite_domain} is set, and none
 * at all otherwise.
 */
final class RewriteClients {

    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.queue.cleanup");

    // The decision itself is shared with the SMTP server, which makes it with a listener's own value.
    private final LocalRewriteClients clients = new LocalRewriteClients(LOG::warn);

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
        LocalRewriteClients.Client facts = new LocalRewriteClients.Client(address,
                envelope.attribute(Envelope.SASL_USERNAME), a -> Networks.contains(parameters.getList("mynetworks"), a));
        return clients.matches(parameters.get(LocalRewriteClients.PARAMETER, LocalRewriteClients.DEFAULT), facts, parameters);
    }
}
