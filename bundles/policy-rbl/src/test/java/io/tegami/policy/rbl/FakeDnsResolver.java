package io.tegami.policy.rbl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.tegami.api.dns.DnsAnswer;
import io.tegami.api.dns.DnsAnswer.Status;
import io.tegami.api.dns.DnsResolver;
import io.tegami.api.dns.MxRecord;

/** A DNS of A, TXT and PTR records in memory; names it does not know do not exist. */
final class FakeDnsResolver implements DnsResolver {

    private final Map<String, List<InetAddress>> a = new ConcurrentHashMap<>();
    private final Map<String, List<String>> txt = new ConcurrentHashMap<>();
    private final Map<String, List<String>> ptr = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    /** Names asked for, "A name" or "TXT name", in order. */
    final List<String> queries = Collections.synchronizedList(new ArrayList<>());
    /** When set, A answers wait for the test to complete them. */
    final Map<String, CompletableFuture<DnsAnswer<InetAddress>>> held = new ConcurrentHashMap<>();
    boolean hold;
    Duration ttl = Duration.ofSeconds(300);

    FakeDnsResolver a(String name, String... addresses) {
        List<InetAddress> list = new ArrayList<>();
        for (String address : addresses) {
            try {
                list.add(InetAddress.getByName(address));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(address, e);
            }
        }
        a.put(name, list);
        return this;
    }

    FakeDnsResolver txt(String name, String... records) {
        txt.put(name, List.of(records));
        return this;
    }

    FakeDnsResolver ptr(String address, String name) {
        ptr.put(address, List.of(name));
        return this;
    }

    /** Answers for the name fail (SERVFAIL, timeout inside the resolver). */
    FakeDnsResolver failing(String name) {
        failing.add(name);
        return this;
    }

    /** Answers for the name never come. */
    FakeDnsResolver silent(String name) {
        silent.add(name);
        return this;
    }

    long count(String query) {
        synchronized (queries) {
            return queries.stream().filter(query::equals).count();
        }
    }

    @Override
    public CompletionStage<DnsAnswer<InetAddress>> a(String name) {
        queries.add("A " + name);
        if (silent.contains(name)) {
            return new CompletableFuture<>();
        }
        if (hold) {
            CompletableFuture<DnsAnswer<InetAddress>> later = new CompletableFuture<>();
            held.put(name, later);
            return later;
        }
        return CompletableFuture.completedFuture(answerA(name));
    }

    DnsAnswer<InetAddress> answerA(String name) {
        return answer(name, a.get(name));
    }

    @Override
    public CompletionStage<DnsAnswer<String>> txt(String name) {
        queries.add("TXT " + name);
        return CompletableFuture.completedFuture(answer(name, txt.get(name)));
    }

    @Override
    public CompletionStage<DnsAnswer<String>> ptr(InetAddress address) {
        queries.add("PTR " + address.getHostAddress());
        return CompletableFuture.completedFuture(answer(address.getHostAddress(), ptr.get(address.getHostAddress())));
    }

    private <T> DnsAnswer<T> answer(String name, List<T> records) {
        if (failing.contains(name)) {
            return DnsAnswer.of(Status.TEMPORARY_FAILURE);
        }
        return records == null ? DnsAnswer.of(Status.NOT_FOUND) : DnsAnswer.found(records, ttl);
    }

    @Override
    public CompletionStage<DnsAnswer<MxRecord>> mx(String domain) {
        return CompletableFuture.completedFuture(DnsAnswer.of(Status.NOT_FOUND));
    }

    @Override
    public CompletionStage<DnsAnswer<InetAddress>> addresses(String host) {
        return a(host);
    }
}
