package io.tegami.api.dns;

import java.util.Objects;

/**
 * One MX record.
 *
 * @param preference lower is tried first
 * @param host the exchanger's host name, without the trailing dot; {@code ""} for a null MX
 *        (RFC 7505, {@code MX 0 .}), meaning the domain accepts no mail
 */
public record MxRecord(int preference, String host) {

    public MxRecord {
        Objects.requireNonNull(host, "host");
    }

    /** True for RFC 7505's null MX. */
    public boolean isNull() {
        return host.isEmpty();
    }
}
