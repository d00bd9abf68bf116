package io.tegami.api.queue;

import java.util.List;
import java.util.Optional;

import io.tegami.api.mail.Envelope;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The durable mail queue.
 *
 * <p>Typical use by a receiver, streaming the message without holding it in memory:
 * <pre>{@code
 * try (MessageWriter w = queue.create(envelope)) {
 *     w.content().write(headerAndBodyBytes);   // LF line endings
 *     String id = w.commit();                    // fsync'd: now say "250 2.0.0 Ok: queued as " + id
 * }                                              // close() without commit() discards the message
 * }</pre>
 */
@ProviderType
public interface MailQueue {

    /**
     * Starts a new message. Its queue id is fixed now, so that a {@code Received:} header can name
     * it before the content is written.
     *
     * @throws QueueException if the spool cannot take the message (disk full, spool missing)
     */
    MessageWriter create(Envelope envelope) throws QueueException;

    /** The messages waiting in the queue now, oldest first (for {@code mailq}). */
    List<QueueEntry> list() throws QueueException;

    /** One queued message by id. */
    Optional<QueueEntry> find(String queueId) throws QueueException;

    /** Asks the queue manager to try every deferred message now ({@code postqueue -f}). */
    void flush();

    /**
     * Removes a message from the queue without delivering it ({@code postsuper -d}).
     *
     * @return true if it was there
     */
    boolean delete(String queueId) throws QueueException;
}
