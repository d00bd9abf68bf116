package io.tegami.api.sieve;

import java.util.Objects;

/**
 * The envelope a script sees (the {@code envelope} test, vacation, reject).
 *
 * @param from the reverse-path without angle brackets; empty for the null sender
 * @param to the final recipient this delivery is for
 * @param originalTo the recipient as first given (ORCPT or before aliasing); {@code to} when unknown
 * @param user the local user the script belongs to (Pigeonhole's {@code user}), or empty
 */
public record SieveEnvelope(String from, String to, String originalTo, String user) {

    /** Checks that no component is null. */
    public SieveEnvelope {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(originalTo, "originalTo");
        Objects.requireNonNull(user, "user");
    }
}
