package io.tegami.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import io.tegami.api.config.MailParameters;
import io.tegami.api.dns.DnsAnswer;
import io.tegami.api.dns.DnsResolver;
import io.tegami.api.dns.MxRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.lookup.LookupSession;

/**
 * The {@link DnsResolver} service, with dnsjava.
 *
 * <p>Parameters, read on every lookup so that a change applies to the next one:
 * {@code dns_servers} (resolvers as {@code host[:port]}; empty: those of
 * {@code /etc/resolv.conf}), {@code dns_timeout} (how long to wait for one server's answer, like
 * resolv.conf's {@code timeout:}; default 5s) and {@code dns_attempts} (how many times each server
 * is asked, like {@code attempts:}; default 2), and {@code inet_protocols} for which address
 * records {@link #addresses} asks. The dnsjava session is built again only when the first three
 * change. Answers are not cached here: like Postfix, Tegami relies on the resolver it asks.
 */
@Component(service = DnsResolver.class)
public final class DnsComponent implements DnsResolver {

    private static final Logger LOG = LoggerFactory.getLogger(DnsComponent.class);

    /** The settings a session was built from, and the session. */
    private record Built(String servers, Duration timeout, int attempts, int count, LookupSession session) {
    }

    private final MailParameters parameters;
    private final AtomicReference<Built> current = new AtomicReference<>();
    private final Lookups lookups;

    @Activate
    public DnsComponent(@Reference(name = "parameters") MailParameters parameters) {
        this.parameters = parameters;
        this.lookups = new Lookups(this::session, () -> Protocols.parse(parameters.getList("inet_protocols")),
                this::deadline);
    }

    @Override
    public CompletionStage<DnsAnswer<MxRecord>> mx(String domain) {
        return lookups.mx(domain);
    }

    @Override
    public CompletionStage<DnsAnswer<InetAddress>> addresses(String host) {
        return lookups.addresses(host);
    }

    @Override
    public CompletionStage<DnsAnswer<InetAddress>> a(String name) {
        return lookups.a(name);
    }

    @Override
    public CompletionStage<DnsAnswer<String>> txt(String name) {
        return lookups.txt(name);
    }

    @Override
    public CompletionStage<DnsAnswer<String>> ptr(InetAddress address) {
        return lookups.ptr(address);
    }

    private Duration timeout() {
        Duration t = parameters.getDuration("dns_timeout", Duration.ofSeconds(5));
        return t.isNegative() || t.isZero() ? Duration.ofSeconds(5) : t;
    }

    private int attempts() {
        return (int) Math.max(1, Math.min(10, parameters.getLong("dns_attempts", 2)));
    }

    /** Every server asked every attempt, and a second to spare: past that a lookup has failed. */
    private Duration deadline() {
        Built b = current.get();
        int servers = b == null ? 1 : Math.max(1, b.count());
        return timeout().multipliedBy((long) attempts() * servers).plusSeconds(1);
    }

    LookupSession session() {
        String servers = parameters.get("dns_servers", "").trim();
        Duration timeout = timeout();
        int attempts = attempts();
        Built b = current.get();
        if (b != null && b.servers().equals(servers) && b.timeout().equals(timeout) && b.attempts() == attempts) {
            return b.session();
        }
        Built fresh = build(servers, timeout, attempts);
        current.set(fresh);
        return fresh.session();
    }

    private static Built build(String servers, Duration timeout, int attempts) {
        List<InetSocketAddress> addresses;
        try {
            addresses = ServerList.parse(servers);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}; using the resolvers of /etc/resolv.conf", e.getMessage());
            addresses = List.of();
        }
        if (addresses.isEmpty()) {
            ResolverConfig.refresh(); // /etc/resolv.conf as it is now
            addresses = ResolverConfig.getCurrentConfig().servers();
        }
        ExtendedResolver resolver = new ExtendedResolver(addresses.stream().map(a -> {
            SimpleResolver r = new SimpleResolver(a);
            r.setTimeout(timeout);
            return (Resolver) r;
        }).toList());
        resolver.setRetries(attempts);
        // The whole question may take every attempt at every server; dnsjava's own limit must not cut it short.
        resolver.setTimeout(timeout.multipliedBy((long) attempts * Math.max(1, addresses.size())).plusMillis(500));
        resolver.setLoadBalance(false); // resolv.conf order, as the C resolver does
        LOG.debug("DNS resolvers: {}", addresses);
        LookupSession session = LookupSession.builder().resolver(resolver).clearSearchPath().ndots(0)
                .cycleResults(false).clearCaches().build();
        return new Built(servers, timeout, attempts, addresses.size(), session);
    }
}
