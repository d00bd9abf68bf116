package io.tegami.smtp.fake;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tegami.api.dns.DnsAnswer;
import io.tegami.api.dns.DnsAnswer.Status;
import io.tegami.api.dns.DnsResolver;
import io.tegami.api.dns.MxRecord;

/**
 * A {@link DnsResolver} that answers from what a test told it. Names it does not know do not exist
 * (NXDOMAIN); a name given a status answers every question about it with that status.
 */
public final class FakeDns implements DnsResolver {

    private final Map<String, List<MxRecord>> mx = new ConcurrentHashMap<>();
    private final Map<String, List<InetAddress>> addresses = new ConcurrentHashMap<>();
    private final Map<String, List<String>> ptr = new ConcurrentHashMap<>();
    private final Map<String, Status> status = new ConcurrentHashMap<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();

    /** MX records, preference 10 each. */
    public FakeDns mx(String name, String... hosts) {
        List<MxRecord> records = new ArrayList<>();
        for (String host : hosts) {
            records.add(new MxRecord(10, host));
        }
        mx.put(name, records);
        return this;
    }

    /** RFC 7505's {@code MX 0 .}. */
    public FakeDns nullMx(String name) {
        mx.put(name, List.of(new MxRecord(0, "")));
        return this;
    }

    public FakeDns a(String name, String... ips) {
        List<InetAddress> list = new ArrayList<>();
        for (String ip : ips) {
            list.add(ip(ip));
        }
        addresses.put(name, list);
        return this;
    }

    public FakeDns ptr(String ip, String... names) {
        ptr.put(ip(ip).getHostAddress(), List.of(names));
        return this;
    }

    /** Every question about {@code name} (a host name or an address) gets this status. */
    public FakeDns status(String name, Status answer) {
        status.put(name, answer);
        return this;
    }

    /** The questions asked, as {@code TYPE name}. */
    public List<String> queries() {
        return List.copyOf(queries);
    }

    @Override
    public CompletionStage<DnsAnswer<MxRecord>> mx(String domain) {
        return answer("MX " + domain, domain, mx.get(domain), domain);
    }

    @Override
    public CompletionStage<DnsAnswer<InetAddress>> addresses(String host) {
        return answer("A " + host, host, addresses.get(host), host);
    }

    @Override
    public CompletionStage<DnsAnswer<InetAddress>> a(String name) {
        return addresses(name);
    }

    @Override
    public CompletionStage<DnsAnswer<String>> txt(String name) {
        return answer("TXT " + name, name, null, name);
    }

    @Override
    public CompletionStage<DnsAnswer<String>> ptr(InetAddress address) {
        String key = address.getHostAddress();
        return answer("PTR " + key, key, ptr.get(key), key);
    }

    private <T> CompletionStage<DnsAnswer<T>> answer(String query, String key, List<T> records, String name) {
        queries.add(query);
        Status forced = status.get(key);
        if (forced != null) {
            return CompletableFuture.completedFuture(DnsAnswer.of(forced));
        }
        if (records != null) {
            return CompletableFuture.completedFuture(DnsAnswer.found(records, Duration.ofMinutes(5)));
        }
        // A name that exists for another record type has no data of this one.
        boolean exists = mx.containsKey(name) || addresses.containsKey(name) || ptr.containsKey(name);
        return CompletableFuture.completedFuture(DnsAnswer.of(exists ? Status.NO_DATA : Status.NOT_FOUND));
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
