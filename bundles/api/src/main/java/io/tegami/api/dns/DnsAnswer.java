package io.tegami.api.dns;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The answer to one DNS question, with the distinctions mail software needs: a name that does not
 * exist (NXDOMAIN: bounce) is not a name without records of the asked type (fall back to A), and
 * neither is a server that did not answer (defer).
 *
 * @param status what the resolver learned
 * @param records the records found, in the order the server gave them; empty unless {@code FOUND}
 * @param ttl the smallest TTL of the records (for caches), {@code Duration.ZERO} when none
 * @param <T> the record type
 */
public record DnsAnswer<T>(Status status, List<T> records, Duration ttl) {

    /** Postfix's DNS_OK, DNS_NOTFOUND (no data), DNS_NOTFOUND (NXDOMAIN) and DNS_RETRY. */
    public enum Status {
        /** At least one record of the asked type. */
        FOUND,
        /** The name exists but has no record of the asked type (NOERROR, empty answer). */
        NO_DATA,
        /** The name does not exist (NXDOMAIN). */
        NOT_FOUND,
        /** No usable answer: timeout, SERVFAIL, REFUSED, network error. Retry later. */
        TEMPORARY_FAILURE
    }

    public DnsAnswer {
        Objects.requireNonNull(status, "status");
        records = List.copyOf(records);
        Objects.requireNonNull(ttl, "ttl");
        if ((status == Status.FOUND) == records.isEmpty()) {
            throw new IllegalArgumentException("FOUND answers, and only they, have records");
        }
    }

    public static <T> DnsAnswer<T> found(List<T> records, Duration ttl) {
        return new DnsAnswer<>(Status.FOUND, records, ttl);
    }

    public static <T> DnsAnswer<T> of(Status status) {
        return new DnsAnswer<>(status, List.of(), Duration.ZERO);
    }

    public boolean found() {
        return status == Status.FOUND;
    }
}
