package io.tegami.queue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tegami.api.config.MailParameters;

/**
 * Groups a message's pending recipients into delivery requests, as Postfix's queue manager does:
 * recipients with the same transport and destination go together, at most
 * {@code <transport>_destination_recipient_limit} (else {@code default_destination_recipient_limit},
 * 50; 0 means no limit) per request, so that an SMTP relay receives one copy for many recipients. {@code local}
 * destinations are single recipients (see {@link DeliveryPass#destination}), so local delivery
 * stays one recipient per request, as with Postfix's {@code local_destination_recipient_limit = 1}.
 * Requests come in the order of their first recipient; recipients keep their envelope order.
 */
final class RecipientBatches {

    /**
     * One delivery request.
     *
     * @param transport the transport of every recipient in it
     * @param destination the destination, for per-destination concurrency
     * @param recipients at least one
     */
    record Batch(String transport, String destination, List<SpoolHeader.Recipient> recipients) {
    }

    private RecipientBatches() {
    }

    static List<Batch> of(List<SpoolHeader.Recipient> pending, Router router, MailParameters parameters) {
        Map<String, List<List<SpoolHeader.Recipient>>> byDestination = new LinkedHashMap<>();
        Map<String, String> transports = new LinkedHashMap<>();
        for (SpoolHeader.Recipient r : pending) {
            String transport = router.transportFor(r.address());
            String destination = DeliveryPass.destination(transport, r.address());
            transports.putIfAbsent(destination, transport);
            List<List<SpoolHeader.Recipient>> groups = byDestination.computeIfAbsent(destination, d -> new ArrayList<>());
            if (groups.isEmpty() || groups.get(groups.size() - 1).size() >= limit(transport, parameters)) {
                groups.add(new ArrayList<>());
            }
            groups.get(groups.size() - 1).add(r);
        }
        List<Batch> batches = new ArrayList<>();
        byDestination.forEach((destination, groups) -> groups.forEach(
                g -> batches.add(new Batch(transports.get(destination), destination, List.copyOf(g)))));
        return batches;
    }

    private static long limit(String transport, MailParameters parameters) {
        long fallback = parameters.getLong("default_destination_recipient_limit", 50);
        long limit = parameters.getLong(transport + "_destination_recipient_limit", fallback);
        return limit < 1 ? Long.MAX_VALUE : limit; // 0: no limit, as for the concurrency limits
    }
}
