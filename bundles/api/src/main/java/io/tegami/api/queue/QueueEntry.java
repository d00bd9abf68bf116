package io.tegami.api.queue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.mail.RecipientDsn;

/**
 * A message in the queue, as {@code mailq} shows it.
 *
 * <p>Since 1.1 every pending recipient carries the reason its last delivery attempt was deferred
 * ({@link #recipients()}), which is what {@code mailq} prints under the message, recipient by
 * recipient, as Postfix does.
 *
 * @param queueId the queue id
 * @param queueName the queue it is in: {@value #INCOMING}, {@value #ACTIVE}, {@value #DEFERRED} or
 *        {@value #HOLD}
 * @param envelope sender and all recipients
 * @param pending the recipients still to deliver, in envelope order
 * @param size the message size in bytes
 * @param arrivalTime when it was queued
 * @param lastReason why the last attempt failed, or {@code null}
 * @param recipients the same recipients as {@code pending}, in the same order, each with the reason
 *        its last attempt was deferred; {@code null} in the constructor means "no reasons known"
 */
public record QueueEntry(String queueId, String queueName, Envelope envelope, List<MailAddress> pending,
        long size, Instant arrivalTime, String lastReason, List<Recipient> recipients) {

    /** The queue of messages still being written (not yet acknowledged). */
    public static final String INCOMING = "incoming";
    /** The queue of messages ready for delivery or being delivered ({@code mailq} marks them {@code *}). */
    public static final String ACTIVE = "active";
    /** The queue of messages waiting for their next retry. */
    public static final String DEFERRED = "deferred";
    /** The queue of messages an administrator put on hold ({@code mailq} marks them {@code !}). */
    public static final String HOLD = "hold";

    /**
     * A recipient still to deliver.
     *
     * @param address the recipient
     * @param reason why its last delivery attempt was deferred ({@code mail transport unavailable}),
     *        or {@code null} if it has not been tried or no reason was recorded
     * @param dsn its RFC 3461 parameters ({@code NOTIFY}, {@code ORCPT}), {@link RecipientDsn#NONE}
     *        when it has none (since 1.2; {@code null} in the constructor means none)
     */
    public record Recipient(MailAddress address, String reason, RecipientDsn dsn) {
        public Recipient {
            Objects.requireNonNull(address, "address");
            dsn = dsn == null ? RecipientDsn.NONE : dsn;
        }

        /** The 1.1 form, without DSN parameters. */
        public Recipient(MailAddress address, String reason) {
            this(address, reason, null);
        }
    }

    public QueueEntry {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(queueName, "queueName");
        Objects.requireNonNull(envelope, "envelope");
        pending = List.copyOf(pending);
        Objects.requireNonNull(arrivalTime, "arrivalTime");
        recipients = recipients == null
                ? pending.stream().map(a -> new Recipient(a, null, envelope.dsn(a))).toList()
                : List.copyOf(recipients);
    }

    /** The 1.0 form, without per-recipient reasons. */
    public QueueEntry(String queueId, String queueName, Envelope envelope, List<MailAddress> pending,
            long size, Instant arrivalTime, String lastReason) {
        this(queueId, queueName, envelope, pending, size, arrivalTime, lastReason, null);
    }
}
