package io.tegami.dns;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.tegami.api.dns.DnsAnswer;
import io.tegami.api.dns.DnsAnswer.Status;
import io.tegami.api.dns.DnsResolver;
import io.tegami.api.dns.MxRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupResult;
import org.xbill.DNS.lookup.LookupSession;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;

/**
 * The lookups of {@link DnsResolver} over a dnsjava {@link LookupSession}, with Postfix's
 * distinctions: NXDOMAIN is {@code NOT_FOUND}, an existing name without records of the type is
 * {@code NO_DATA}, and everything else that goes wrong (timeouts, SERVFAIL, REFUSED, a malformed
 * reply) is {@code TEMPORARY_FAILURE}. Names are asked as absolute names, so no search domain
 * is ever appended. No stage ever completes exceptionally.
 */
final class Lookups implements DnsResolver {

    private static final Logger LOG = LoggerFactory.getLogger(Lookups.class);

    private final Supplier<LookupSession> session;
    private final Supplier<Protocols> protocols;
    private final Supplier<Duration> deadline;

    /**
     * @param session the session for the current settings, asked on every lookup
     * @param protocols the current {@code inet_protocols}
     * @param deadline how long a lookup may take in all before it is a temporary failure
     */
    Lookups(Supplier<LookupSession> session, Supplier<Protocols> protocols, Supplier<Duration> deadline) {
        this.session = session;
        this.protocols = protocols;
        this.deadline = deadline;
    }

    @Override
    public CompletionStage<DnsAnswer<MxRecord>> mx(String domain) {
        return query(domain, Type.MX, r -> r instanceof MXRecord m
                ? new MxRecord(m.getPriority(), text(m.getTarget())) : null)
                .thenApply(a -> a.found() ? DnsAnswer.found(a.records().stream()
                        .sorted(Comparator.comparingInt(MxRecord::preference)).toList(), a.ttl()) : a);
    }

    @Override
    public CompletionStage<DnsAnswer<InetAddress>> addresses(String host) {
        InetAddress literal = literal(host);
        if (literal != null) {
            return CompletableFuture.completedFuture(DnsAnswer.found(List.of(literal), Duration.ZERO));
        }
        Protocols p = protocols.get();
        CompletableFuture<DnsAnswer<InetAddress>> v4 = p.ipv4() ? a(host).toCompletableFuture() : null;
        CompletableFuture<DnsAnswer<InetAddress>> v6 = p.ipv6() ? aaaa(host).toCompletableFuture() : null;
        if (v4 == null) {
            return v6;
        }
        if (v6 == null) {
            return v4;
        }
        return v4.thenCombine(v6, Lookups::merge);
    }

    @Override
    public CompletionStage<DnsAnswer<InetAddress>> a(String name) {
        return query(name, Type.A, r -> r instanceof ARecord a ? a.getAddress() : null);
    }

    private CompletionStage<DnsAnswer<InetAddress>> aaaa(String name) {
        return query(name, Type.AAAA, r -> r instanceof AAAARecord a ? a.getAddress() : null);
    }

    @Override
    public CompletionStage<DnsAnswer<String>> txt(String name) {
        return query(name, Type.TXT, r -> r instanceof TXTRecord t ? String.join("", t.getStrings()) : null);
    }

    @Override
    public CompletionStage<DnsAnswer<String>> ptr(InetAddress address) {
        return query(ReverseMap.fromAddress(address), Type.PTR, r -> r instanceof PTRRecord p ? text(p.getTarget()) : null);
    }

    /**
     * Both families' answers as one: IPv4 first; found if either found; else a temporary failure
     * if either failed so; else NXDOMAIN only if both said so (they must agree), else no data.
     */
    static DnsAnswer<InetAddress> merge(DnsAnswer<InetAddress> v4, DnsAnswer<InetAddress> v6) {
        if (v4.found() || v6.found()) {
            List<InetAddress> all = new ArrayList<>(v4.records());
            all.addAll(v6.records());
            Duration ttl = !v4.found() ? v6.ttl() : !v6.found() ? v4.ttl()
                    : v4.ttl().compareTo(v6.ttl()) <= 0 ? v4.ttl() : v6.ttl();
            return DnsAnswer.found(all, ttl);
        }
        if (v4.status() == Status.TEMPORARY_FAILURE || v6.status() == Status.TEMPORARY_FAILURE) {
            return DnsAnswer.of(Status.TEMPORARY_FAILURE);
        }
        if (v4.status() == Status.NOT_FOUND && v6.status() == Status.NOT_FOUND) {
            return DnsAnswer.of(Status.NOT_FOUND);
        }
        return DnsAnswer.of(Status.NO_DATA);
    }

    private <T> CompletionStage<DnsAnswer<T>> query(String name, int type, Function<Record, T> convert) {
        Name absolute;
        try {
            absolute = absolute(name);
        } catch (TextParseException | IllegalArgumentException e) {
            // Not a domain name at all: no such domain can exist, as Postfix's valid_hostname() says.
            LOG.debug("not a valid DNS name: {}", name);
            return CompletableFuture.completedFuture(DnsAnswer.of(Status.NOT_FOUND));
        }
        return query(absolute, type, convert);
    }

    private <T> CompletionStage<DnsAnswer<T>> query(Name name, int type, Function<Record, T> convert) {
        CompletableFuture<LookupResult> lookup;
        try {
            lookup = session.get().lookupAsync(name, type).toCompletableFuture();
        } catch (RuntimeException e) {
            LOG.warn("DNS lookup of {}/{} failed: {}", name, Type.string(type), e.toString());
            return CompletableFuture.completedFuture(DnsAnswer.of(Status.TEMPORARY_FAILURE));
        }
        return lookup.orTimeout(deadline.get().toMillis(), TimeUnit.MILLISECONDS)
                .handle((result, error) -> error != null ? failure(name, type, error) : answer(result, convert));
    }

    private static <T> DnsAnswer<T> answer(LookupResult result, Function<Record, T> convert) {
        List<T> records = new ArrayList<>();
        long ttl = Long.MAX_VALUE;
        for (Record r : result.getRecords()) {
            T value = convert.apply(r);
            if (value != null) {
                records.add(value);
                ttl = Math.min(ttl, r.getTTL());
            }
        }
        return records.isEmpty() ? DnsAnswer.of(Status.NO_DATA) : DnsAnswer.found(records, Duration.ofSeconds(ttl));
    }

    private static <T> DnsAnswer<T> failure(Name name, int type, Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof NoSuchDomainException) {
            return DnsAnswer.of(Status.NOT_FOUND);
        }
        if (cause instanceof NoSuchRRSetException) {
            return DnsAnswer.of(Status.NO_DATA);
        }
        LOG.debug("DNS lookup of {}/{} failed: {}", name, Type.string(type), cause.toString());
        return DnsAnswer.of(Status.TEMPORARY_FAILURE);
    }

    /** The absolute name of {@code name}: a trailing dot is implied, IDNs become A-labels. */
    static Name absolute(String name) throws TextParseException {
        String ascii = IDN.toASCII(name.endsWith(".") ? name.substring(0, name.length() - 1) : name,
                IDN.ALLOW_UNASSIGNED);
        if (ascii.isEmpty()) {
            throw new TextParseException("empty name");
        }
        return Name.fromString(ascii + ".");
    }

    /** A name as text, without the trailing dot; the root becomes "". */
    private static String text(Name name) {
        return name.toString(true).equals(".") ? "" : name.toString(true);
    }

    /**
     * An IP address literal ({@code 192.0.2.1}, {@code 2001:db8::1}, or bracketed as in mail
     * domains {@code [192.0.2.1]}, {@code [IPv6:2001:db8::1]}), or null for a host name.
     */
    static InetAddress literal(String host) {
        String s = host;
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
            if (s.regionMatches(true, 0, "ipv6:", 0, 5)) {
                s = s.substring(5);
            }
        }
        byte[] bytes = Address.toByteArray(s, Address.IPv4);
        if (bytes == null) {
            bytes = Address.toByteArray(s, Address.IPv6);
        }
        try {
            return bytes == null ? null : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null; // cannot happen for 4 or 16 bytes
        }
    }
}
