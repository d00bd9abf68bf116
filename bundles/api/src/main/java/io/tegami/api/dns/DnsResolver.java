package io.tegami.api.dns;

import java.net.InetAddress;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Asynchronous DNS lookups. Stages complete on the resolver's own threads and never
 * exceptionally: every failure is a {@link DnsAnswer.Status#TEMPORARY_FAILURE} answer. Names are
 * given without a trailing dot and are never completed with search domains, as Postfix asks them
 * ({@code RES_DEFNAMES} and {@code RES_DNSRCH} off).
 */
@ProviderType
public interface DnsResolver {

    /** MX records of {@code domain}, sorted by preference. */
    CompletionStage<DnsAnswer<MxRecord>> mx(String domain);

    /**
     * Addresses of {@code host}: A and AAAA records (as {@code inet_protocols} allows), IPv4 first.
     * An IP literal is answered with itself.
     */
    CompletionStage<DnsAnswer<InetAddress>> addresses(String host);

    /** The A records of {@code name} only, as DNS block lists answer them ({@code 127.0.0.2}). */
    CompletionStage<DnsAnswer<InetAddress>> a(String name);

    /** TXT records of {@code name}, each one's strings joined. */
    CompletionStage<DnsAnswer<String>> txt(String name);

    /** PTR names of {@code address}, without trailing dots. */
    CompletionStage<DnsAnswer<String>> ptr(InetAddress address);
}
