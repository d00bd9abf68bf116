package io.tegami.smtp.restriction;

import java.net.IDN;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.tegami.api.dns.DnsAnswer;
import io.tegami.api.dns.DnsResolver;
import io.tegami.api.dns.MxRecord;
import io.tegami.smtp.session.SmtpdLog;

/**
 * The DNS questions restrictions ask, answered the way Postfix's dns_lookup_l() combines them.
 * Restrictions run on the session's thread, which may block, so answers are awaited here. No
 * resolver service, a timeout or an error count as a temporary failure: the mail is deferred,
 * never lost.
 */
final class Dns {

    /** What a lookup established. */
    enum Result { FOUND, NOT_FOUND, NULL_MX, RETRY }

    /** Far longer than the resolver's own timeouts: only a resolver that never answers hits it. */
    private static final long WAIT_SECONDS = 60;

    private Dns() {
    }

    /**
     * reject_unknown_mailhost(): MX records first (a lone null MX means the domain takes no mail),
     * then A/AAAA records.
     */
    static Result mailHost(CheckState state, String name) {
        DnsResolver dns = resolver(state);
        if (dns == null) {
            return Result.RETRY;
        }
        String ascii = ascii(name);
        DnsAnswer<MxRecord> mx = await(dns.mx(ascii));
        if (mx.found()) {
            List<MxRecord> records = mx.records();
            return records.size() == 1 && records.get(0).isNull() ? Result.NULL_MX : Result.FOUND;
        }
        if (mx.status() == DnsAnswer.Status.NOT_FOUND) {
            return Result.NOT_FOUND;
        }
        DnsAnswer<InetAddress> a = await(dns.addresses(ascii));
        if (a.found()) {
            return Result.FOUND;
        }
        boolean retry = mx.status() == DnsAnswer.Status.TEMPORARY_FAILURE || a.status() == DnsAnswer.Status.TEMPORARY_FAILURE;
        return retry ? Result.RETRY : Result.NOT_FOUND;
    }

    /** reject_unknown_hostname(): A/AAAA records, else MX records (a null MX will do for an MTA name). */
    static Result hostName(CheckState state, String name) {
        DnsResolver dns = resolver(state);
        if (dns == null) {
            return Result.RETRY;
        }
        String ascii = ascii(name);
        DnsAnswer<InetAddress> a = await(dns.addresses(ascii));
        if (a.found()) {
            return Result.FOUND;
        }
        DnsAnswer<MxRecord> mx = await(dns.mx(ascii));
        if (mx.found()) {
            return Result.FOUND;
        }
        boolean retry = mx.status() == DnsAnswer.Status.TEMPORARY_FAILURE || a.status() == DnsAnswer.Status.TEMPORARY_FAILURE;
        return retry ? Result.RETRY : Result.NOT_FOUND;
    }

    /** PTR names of an address. */
    static DnsAnswer<String> ptr(CheckState state, InetAddress address) {
        DnsResolver dns = resolver(state);
        return dns == null ? DnsAnswer.of(DnsAnswer.Status.TEMPORARY_FAILURE) : await(dns.ptr(address));
    }

    /** Addresses of a name. */
    static DnsAnswer<InetAddress> addresses(CheckState state, String name) {
        DnsResolver dns = resolver(state);
        return dns == null ? DnsAnswer.of(DnsAnswer.Status.TEMPORARY_FAILURE) : await(dns.addresses(ascii(name)));
    }

    private static DnsResolver resolver(CheckState state) {
        DnsResolver dns = state.lookups().dns();
        if (dns == null) {
            SmtpdLog.warn("no DNS resolver service: DNS-based restrictions answer with a temporary failure");
        }
        return dns;
    }

    private static <T> DnsAnswer<T> await(CompletionStage<DnsAnswer<T>> stage) {
        try {
            DnsAnswer<T> answer = stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            return answer != null ? answer : DnsAnswer.of(DnsAnswer.Status.TEMPORARY_FAILURE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DnsAnswer.of(DnsAnswer.Status.TEMPORARY_FAILURE);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return DnsAnswer.of(DnsAnswer.Status.TEMPORARY_FAILURE);
        }
    }

    /** Postfix asks the DNS for the ASCII form of an internationalized name, without the root dot. */
    private static String ascii(String name) {
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        try {
            return IDN.toASCII(bare, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return bare;
        }
    }
}
