package io.tegami.api.sieve;

import java.time.Duration;

/**
 * Policy limits for one run, named after Pigeonhole's settings.
 *
 * @param maxActions {@code sieve_max_actions}: most actions one run may produce (0 = unlimited)
 * @param maxRedirects {@code sieve_max_redirects}: most redirects one run may produce (0 = none allowed)
 * @param cpuTime {@code sieve_max_cpu_time}: CPU time one run may use ({@link Duration#ZERO} = unlimited)
 */
public record SieveLimits(int maxActions, int maxRedirects, Duration cpuTime) {

    /** Pigeonhole's defaults: 32 actions, 4 redirects, 30 seconds. */
    public static final SieveLimits DEFAULT = new SieveLimits(32, 4, Duration.ofSeconds(30));
}
