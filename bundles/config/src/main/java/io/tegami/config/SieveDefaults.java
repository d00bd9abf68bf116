package io.tegami.config;

import java.util.Map;

/** Defaults of Sieve filtering, with Pigeonhole's names and values. */
final class SieveDefaults {

    private SieveDefaults() {
    }

    static void addTo(Map<String, String> d) {
        d.put("sieve_max_actions", "32");
        d.put("sieve_max_redirects", "4");
        d.put("sieve_max_cpu_time", "30s");
    }
}
