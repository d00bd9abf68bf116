package io.tegami.api.queue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;

/**
 * A message in the queue, as {@code mailq} shows it.
 *
 * @param queueId the queue id
 * @param queueName the queue it is in ({@code incoming}, {@code active}, {@code deferred}, {@code hold})
 * @param envelope sender and all recipients
 * @param pending the recipients still to deliver
 * @param size the message size in bytes
 * @param arrivalTime when it was queued
 * @param lastReason why the last attempt failed, or {@code null}
 */
public record QueueEntry(String queueId, String queueName, Envelope envelope, List<MailAddress> pending,
        long size, Instant arrivalTime, String lastReason) {

    public QueueEntry {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(queueName, "queueName");
        Objects.requireNonNull(envelope, "envelope");
        pending = List.copyOf(pending);
        Objects.requireNonNull(arrivalTime, "arrivalTime");
    }
}
