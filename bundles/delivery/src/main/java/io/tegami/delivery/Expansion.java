package io.tegami.delivery;

import java.util.List;

import io.tegami.api.delivery.DeliveryResult;

/**
 * What a recipient expands to: the deliveries to make, and the failures found while expanding
 * (a forbidden command, an alias loop), each already a result.
 */
record Expansion(List<Target> targets, List<DeliveryResult> failures) {

    Expansion {
        targets = List.copyOf(targets);
        failures = List.copyOf(failures);
    }
}
