package io.tegami.delivery;

import java.util.List;
import java.util.stream.Collectors;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.delivery.DeliveryResult.Status;

/**
 * One result for a recipient that expanded to several deliveries, as local(8) reports the
 * original recipient: deferred if any delivery must be tried again (the whole expansion is then
 * retried, as in Postfix), else bounced if any failed for good (every failure in the detail),
 * else sent.
 */
final class Outcomes {

    private Outcomes() {
    }

    static DeliveryResult combine(List<DeliveryResult> results) {
        if (results.isEmpty()) {
            return DeliveryResult.sent(LocalDeliveryAgent.RELAY, "alias has no members");
        }
        if (results.size() == 1) {
            return results.get(0);
        }
        for (DeliveryResult r : results) {
            if (r.status() == Status.DEFERRED) {
                return r;
            }
        }
        List<DeliveryResult> bounced = results.stream().filter(r -> r.status() == Status.BOUNCED).toList();
        if (!bounced.isEmpty()) {
            return DeliveryResult.bounced(bounced.get(0).dsn(), LocalDeliveryAgent.RELAY,
                    bounced.stream().map(DeliveryResult::detail).collect(Collectors.joining("; ")));
        }
        return DeliveryResult.sent(LocalDeliveryAgent.RELAY,
                results.stream().map(DeliveryResult::detail).distinct().collect(Collectors.joining("; ")));
    }
}
