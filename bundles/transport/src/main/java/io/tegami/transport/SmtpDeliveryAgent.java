package io.tegami.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import io.tegami.api.config.MailParameters;
import io.tegami.api.delivery.DeliveryAgent;
import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.dns.DnsResolver;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueuedMessage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code smtp} transport, like Postfix's smtp(8): mail for other domains goes to
 * {@code relayhost} when it is set, else to the recipient domain's MX hosts, over SMTP with
 * STARTTLS and AUTH as configured. Recipients handed over together in
 * {@link #deliverAll} share one mail transaction.
 *
 * <p>Runs on the queue manager's delivery threads and blocks them, never a network event loop.
 * The DNS resolver is optional and dynamic: without it only IP-literal destinations work and
 * everything else is deferred.
 */
@Component(service = DeliveryAgent.class, property = DeliveryAgent.TRANSPORT + "=smtp")
public final class SmtpDeliveryAgent implements DeliveryAgent {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpDeliveryAgent.class);
    /** How long one DNS answer may take before it is a temporary failure. */
    private static final Duration DNS_WAIT = Duration.ofSeconds(60);

    private final MailParameters parameters;
    private final AtomicReference<DnsResolver> dns = new AtomicReference<>();
    private final Watchdog watchdog = new Watchdog();
    private final ConnectionCache cache = new ConnectionCache(Duration.ofSeconds(10));
    private final TlsContexts tls = new TlsContexts();
    private final Random random = new Random();

    @Activate
    public SmtpDeliveryAgent(@Reference(name = "parameters") MailParameters parameters) {
        this.parameters = parameters;
        watchdog.every(Duration.ofSeconds(1), cache::sweep);
    }

    @Reference(name = "dns", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDns(DnsResolver resolver) {
        dns.set(resolver);
    }

    void unbindDns(DnsResolver resolver) {
        dns.compareAndSet(resolver, null); // a greedy replacement binds the new one first
    }

    @Deactivate
    void deactivate() {
        cache.closeAll();
        watchdog.close();
    }

    @Override
    public DeliveryResult deliver(QueuedMessage message, MailAddress recipient) {
        return deliverAll(message, List.of(recipient)).get(0);
    }

    @Override
    public List<DeliveryResult> deliverAll(QueuedMessage message, List<MailAddress> recipients) {
        try {
            return deliverOrExplain(message, recipients);
        } catch (RuntimeException | LinkageError e) {
            // Whatever it was, the queue keeps the mail and tries again.
            LOG.warn("{}: smtp delivery failed", message.queueId(), e);
            DeliveryResult r = DeliveryResult.deferred("4.3.0", "none", "smtp delivery failed: " + e);
            return recipients.stream().map(x -> r).toList();
        }
    }

    private List<DeliveryResult> deliverOrExplain(QueuedMessage message, List<MailAddress> recipients) {
        SmtpSettings settings = SmtpSettings.read(parameters);
        // Without a relayhost each domain is its own next hop: the queue hands over one domain's
        // recipients at a time, but a caller that mixes them still gets each to its own MX.
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < recipients.size(); i++) {
            String key = settings.relayhost().isEmpty() ? recipients.get(i).domain() : "";
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        DeliveryResult[] results = new DeliveryResult[recipients.size()];
        for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
            List<MailAddress> rcpts = group.getValue().stream().map(recipients::get).toList();
            List<DeliveryResult> out = deliverGroup(settings, message, rcpts, group.getKey());
            for (int k = 0; k < out.size(); k++) {
                results[group.getValue().get(k)] = out.get(k);
            }
        }
        return List.of(results);
    }

    private List<DeliveryResult> deliverGroup(SmtpSettings settings, QueuedMessage message, List<MailAddress> rcpts,
            String domain) {
        List<Nexthop> nexthops;
        try {
            nexthops = domain.isEmpty() && !settings.relayhost().isEmpty()
                    ? Nexthop.parseList(settings.relayhost(), settings.defaultPort(), settings.knownTcpPorts())
                    : List.of(Nexthop.domain(domain, settings.defaultPort()));
        } catch (IllegalArgumentException e) {
            LOG.warn("relayhost = {}: {}", settings.relayhost(), e.getMessage());
            DeliveryResult r = DeliveryResult.deferred("4.3.5", "none", "malformed relayhost: " + e.getMessage());
            return rcpts.stream().map(x -> r).toList();
        }
        ServerPlanner planner = new ServerPlanner(dns.get(), DNS_WAIT, random);
        return new Delivery(settings, planner, cache, watchdog, tls, parameters.home()).deliver(message, rcpts, nexthops);
    }

    /** Idle cached sessions (for tests). */
    int cachedSessions() {
        return cache.size();
    }
}
