package io.tegami.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.tegami.api.dns.DnsAnswer;
import io.tegami.api.dns.DnsAnswer.Status;
import io.tegami.api.dns.DnsResolver;
import io.tegami.api.dns.MxRecord;

/** A DnsResolver from maps: a name in no map is NXDOMAIN, in another map NODATA. */
final class FakeDns implements DnsResolver {

    final Map<String, List<MxRecord>> mx = new ConcurrentHashMap<>();
    final Map<String, List<InetAddress>> addresses = new ConcurrentHashMap<>();
    final Map<String, Status> failures = new ConcurrentHashMap<>();
    final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

    FakeDns mx(String domain, int preference, String host) {
        mx.computeIfAbsent(domain, d -> new ArrayList<>()).add(new MxRecord(preference, host));
        return this;
    }

    FakeDns a(String host, String... ips) {
        for (String ip : ips) {
            try {
                addresses.computeIfAbsent(host, h -> new ArrayList<>()).add(InetAddress.getByName(ip));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(ip, e);
            }
        }
        return this;
    }

    FakeDns fail(String name, Status status) {
        failures.put(name, status);
        return this;
    }

    @Override
    public CompletionStage<DnsAnswer<MxRecord>> mx(String domain) {
        asked.add(domain + "/MX");
        return CompletableFuture.completedFuture(answer(domain, mx, true));
    }

    @Override
    public CompletionStage<DnsAnswer<InetAddress>> addresses(String host) {
        asked.add(host + "/A");
        return CompletableFuture.completedFuture(answer(host, addresses, false));
    }

    private <T> DnsAnswer<T> answer(String name, Map<String, List<T>> table, boolean sortMx) {
        Status failure = failures.get(name);
        if (failure != null) {
            return DnsAnswer.of(failure);
        }
        List<T> records = table.get(name);
        if (records != null) {
            List<T> copy = new ArrayList<>(records);
            if (sortMx) {
                copy.sort(Comparator.comparingInt(r -> ((MxRecord) r).preference()));
            }
            return DnsAnswer.found(copy, Duration.ofSeconds(60));
        }
        return mx.containsKey(name) || addresses.containsKey(name) ? DnsAnswer.of(Status.NO_DATA)
                : DnsAnswer.of(Status.NOT_FOUND);
    }

    @Override
    public CompletionStage<DnsAnswer<InetAddress>> a(String name) {
        return addresses(name);
    }

    @Override
    public CompletionStage<DnsAnswer<String>> txt(String name) {
        return CompletableFuture.completedFuture(DnsAnswer.of(Status.NOT_FOUND));
    }

    @Override
    public CompletionStage<DnsAnswer<String>> ptr(InetAddress address) {
        return CompletableFuture.completedFuture(DnsAnswer.of(Status.NOT_FOUND));
    }
}
