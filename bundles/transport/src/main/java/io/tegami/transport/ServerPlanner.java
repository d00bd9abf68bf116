package io.tegami.transport;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.tegami.api.dns.DnsAnswer;
import io.tegami.api.dns.DnsAnswer.Status;
import io.tegami.api.dns.DnsResolver;
import io.tegami.api.dns.MxRecord;

/**
 * Turns a next-hop destination into the server addresses to try, in order, as Postfix's
 * smtp_domain_addr() and smtp_host_addr() do: the MX records by preference, those of equal
 * preference in random order, each exchanger's addresses after it; the domain's own A/AAAA
 * records when it has no MX; nothing but a bounce for a null MX (RFC 7505) or a name that does
 * not exist; a deferral when DNS cannot answer now.
 */
final class ServerPlanner {

    /**
     * The servers to try, or why there are none.
     *
     * @param targets in the order to try them; empty when {@code failure} is set
     * @param failure null when there are targets
     */
    record Plan(List<Target> targets, Failure failure) {
        static Plan failed(Failure f) {
            return new Plan(List.of(), f);
        }
    }

    private final DnsResolver dns;
    private final Duration wait;
    private final Random random;

    /**
     * @param dns the resolver, or null when none is present (only IP literals work then)
     * @param wait how long to wait for one answer before it counts as a temporary failure
     */
    ServerPlanner(DnsResolver dns, Duration wait, Random random) {
        this.dns = dns;
        this.wait = wait;
        this.random = random;
    }

    /** The plan for {@code nexthop}, with at most {@code addressLimit} addresses (0: all). */
    Plan plan(Nexthop nexthop, int addressLimit) {
        Plan plan = nexthop.mx() ? byMx(nexthop) : byHost(nexthop.host(), nexthop.port());
        if (addressLimit > 0 && plan.targets().size() > addressLimit) {
            return new Plan(plan.targets().subList(0, addressLimit), null);
        }
        return plan;
    }

    private Plan byHost(String host, int port) {
        InetAddress literal = Literals.parse(host);
        if (literal != null) {
            return new Plan(List.of(new Target(host, literal, port)), null);
        }
        DnsAnswer<InetAddress> a = await(dns == null ? null : dns.addresses(host));
        if (a.found()) {
            return new Plan(targets(host, a.records(), port), null);
        }
        return Plan.failed(notFound(host, "A", a.status()));
    }

    private Plan byMx(Nexthop nexthop) {
        String domain = nexthop.host();
        if (Literals.parse(domain) != null) {
            return byHost(domain, nexthop.port()); // an address is never an MX name
        }
        DnsAnswer<MxRecord> mx = await(dns == null ? null : dns.mx(domain));
        switch (mx.status()) {
            case NO_DATA:
                return byHost(domain, nexthop.port()); // RFC 5321 section 5.1: the implicit MX
            case NOT_FOUND:
            case TEMPORARY_FAILURE:
                return Plan.failed(notFound(domain, "MX", mx.status()));
            default:
                break;
        }
        if (mx.records().stream().anyMatch(MxRecord::isNull)) {
            return Plan.failed(Failure.hard("5.1.10", "Domain " + domain + " does not accept mail (nullMX)", null));
        }
        Map<String, CompletionStage<DnsAnswer<InetAddress>>> lookups = new LinkedHashMap<>();
        for (MxRecord r : shuffled(mx.records())) {
            String host = r.host().toLowerCase(java.util.Locale.ROOT);
            InetAddress literal = Literals.parse(host);
            lookups.putIfAbsent(host, literal != null
                    ? CompletableFuture.completedFuture(DnsAnswer.found(List.of(literal), Duration.ZERO))
                    : dns.addresses(host));
        }
        List<Target> targets = new ArrayList<>();
        Failure failure = null;
        for (Map.Entry<String, CompletionStage<DnsAnswer<InetAddress>>> e : lookups.entrySet()) {
            DnsAnswer<InetAddress> a = await(e.getValue());
            if (a.found()) {
                targets.addAll(targets(e.getKey(), a.records(), nexthop.port()));
            } else if (failure == null || failure.permanent()) {
                failure = notFound(e.getKey(), "A", a.status()); // a temporary failure wins over "not found"
            }
        }
        return targets.isEmpty() ? Plan.failed(failure) : new Plan(targets, null);
    }

    /** Equal preferences in random order (RFC 5321 section 5.1), lower preferences first. */
    private List<MxRecord> shuffled(List<MxRecord> records) {
        List<MxRecord> out = new ArrayList<>(records.size());
        int i = 0;
        while (i < records.size()) {
            int j = i;
            while (j < records.size() && records.get(j).preference() == records.get(i).preference()) {
                j++;
            }
            List<MxRecord> same = new ArrayList<>(records.subList(i, j));
            java.util.Collections.shuffle(same, random);
            out.addAll(same);
            i = j;
        }
        out.sort(java.util.Comparator.comparingInt(MxRecord::preference)); // stable: keeps the shuffle
        return out;
    }

    private static List<Target> targets(String host, List<InetAddress> addresses, int port) {
        return addresses.stream().map(a -> new Target(host, a, port)).toList();
    }

    /** Postfix's dns_strerror() texts: bounce for a name that does not exist, defer otherwise. */
    static Failure notFound(String name, String type, Status status) {
        String prefix = "Host or domain name not found. Name service error for name=" + name + " type=" + type + ": ";
        return switch (status) {
            case NOT_FOUND -> Failure.hard("5.4.4", prefix + "Host not found", null);
            case NO_DATA -> Failure.hard("5.4.4", prefix + "Host found but no data record of requested type", null);
            default -> Failure.soft("4.4.3", prefix + "Host not found, try again", null);
        };
    }

    private <T> DnsAnswer<T> await(CompletionStage<DnsAnswer<T>> stage) {
        if (stage == null) {
            return DnsAnswer.of(Status.TEMPORARY_FAILURE); // no resolver service right now
        }
        try {
            return stage.toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DnsAnswer.of(Status.TEMPORARY_FAILURE);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return DnsAnswer.of(Status.TEMPORARY_FAILURE);
        }
    }
}
