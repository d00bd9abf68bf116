package io.tegami.queue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.tegami.api.config.MailParameters;

/**
 * What a delivery pass needs from the queue around it, in one place.
 *
 * @param spool the spool directories
 * @param parameters the mail parameters, read when needed so changes apply at once
 * @param agents the delivery agents present now
 * @param router recipient to transport
 * @param bouncer queues non-delivery notifications
 * @param manager scheduling
 * @param limiter per-destination concurrency
 * @param clock the time
 */
record QueueContext(Spool spool, MailParameters parameters, AgentRegistry agents, Router router, Bouncer bouncer,
        QueueManager manager, DestinationLimiter limiter, Clock clock) {

    Path deferLog(String queueId) {
        return spool.file(Spool.DEFER_LOG, queueId);
    }

    Path bounceLog(String queueId) {
        return spool.file(Spool.BOUNCE_LOG, queueId);
    }

    Duration duration(String name, Duration fallback) {
        return parameters.getDuration(name, fallback);
    }
}
