package io.tegami.policy.rbl;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.dns.DnsAnswer;
import io.tegami.api.dns.DnsResolver;

/**
 * Asks DNS lists, asynchronously, and remembers their answers: a listing for the smallest TTL of
 * its records (at most an hour), a "not listed" for a minute (the resolver service does not report
 * negative TTLs), a failure not at all. Questions already on their way are shared, so the
 * restrictions that run again at each RCPT ask the DNS once.
 *
 * <p>A list that does not answer within the timeout, or whose servers fail, counts as not listed
 * (fail open, with a warning), as Postfix gives "the requestor the benefit of the doubt": no mail
 * is blocked because a block list is down.
 */
final class DnsLists {

    static final Duration MAX_TTL = Duration.ofHours(1);
    static final Duration NEGATIVE_TTL = Duration.ofMinutes(1);
    /** Postfix keeps at most this much TXT text. */
    static final int TXT_LIMIT = 500;
    private static final int MAX_ENTRIES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.policy.rbl.smtpd");

    private static final class Cached {
        final CompletableFuture<Listing> future;
        volatile long expires = Long.MAX_VALUE;

        Cached(CompletableFuture<Listing> future) {
            this.future = future;
        }
    }

    /** The cache the bundle's policies share, so a list both of them use is asked once. */
    static final DnsLists SHARED = new DnsLists();

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    DnsLists() {
        this(System::nanoTime);
    }

    /** For tests: a clock to expire entries with. */
    DnsLists(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * What the list says about {@code query} (the reversed address or domain, then the list's
     * domain); never completes exceptionally.
     */
    CompletionStage<Listing> lookup(DnsResolver dns, String query, Duration timeout) {
        long now = nanoTime.getAsLong();
        Cached cached = cache.get(query);
        if (cached != null && (!cached.future.isDone() || cached.expires - now > 0)) {
            return cached.future;
        }
        if (cache.size() >= MAX_ENTRIES) {
            cache.values().removeIf(c -> c.future.isDone() && c.expires - now <= 0);
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
        }
        CompletableFuture<Listing> future = new CompletableFuture<>();
        Cached fresh = new Cached(future);
        cache.put(query, fresh);
        ask(dns, query).whenComplete((result, error) -> {
            Timed timed = error != null ? new Timed(Listing.ERROR, Duration.ZERO) : result;
            if (timed.listing().status() == Listing.Status.ERROR && error != null) {
                LOG.warn("{}: RBL lookup error: {}", query, error.toString());
            }
            fresh.expires = nanoTime.getAsLong() + timed.ttl().toNanos();
            future.complete(timed.listing());
        });
        future.completeOnTimeout(Listing.ERROR, timeout.toMillis(), TimeUnit.MILLISECONDS).thenRun(() -> {
            if (fresh.expires == Long.MAX_VALUE) {
                // Timed out before the resolver answered: forget it, so the next check asks again.
                fresh.expires = nanoTime.getAsLong();
                LOG.warn("{}: RBL lookup error: no answer within {}s", query, timeout.toSeconds());
            }
        });
        return future;
    }

    /** A listing and how long it may be kept. */
    private record Timed(Listing listing, Duration ttl) {
    }

    private static CompletionStage<Timed> ask(DnsResolver dns, String query) {
        return dns.a(query).thenCompose(a -> {
            switch (a.status()) {
                case FOUND:
                    return dns.txt(query).thenApply(txt -> listed(a, txt));
                case TEMPORARY_FAILURE:
                    LOG.warn("{}: RBL lookup error: no usable answer (timeout or server failure)", query);
                    return CompletableFuture.completedFuture(new Timed(Listing.ERROR, Duration.ZERO));
                default:
                    return CompletableFuture.completedFuture(new Timed(Listing.NOT_LISTED, NEGATIVE_TTL));
            }
        });
    }

    private static Timed listed(DnsAnswer<InetAddress> a, DnsAnswer<String> txt) {
        String reason = txt.found() ? reason(txt.records()) : "";
        Duration ttl = a.ttl();
        if (txt.found() && txt.ttl().compareTo(ttl) < 0) {
            ttl = txt.ttl();
        }
        if (ttl.compareTo(MAX_TTL) > 0) {
            ttl = MAX_TTL;
        }
        return new Timed(new Listing(Listing.Status.LISTED, a.records(), reason), ttl);
    }

    /** rbl_pagein(): TXT records joined with {@code " / "}, cut at 500 characters. */
    static String reason(List<String> records) {
        StringBuilder sb = new StringBuilder();
        for (String r : records) {
            if (sb.length() > 0) {
                if (TXT_LIMIT - sb.length() <= 3) {
                    break;
                }
                sb.append(" / ");
            }
            sb.append(r, 0, Math.min(r.length(), TXT_LIMIT - sb.length()));
            if (sb.length() >= TXT_LIMIT) {
                break;
            }
        }
        return sb.toString();
    }
}
