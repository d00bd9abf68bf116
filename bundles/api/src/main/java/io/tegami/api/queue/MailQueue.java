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
 *
 * <p>The administrative operations ({@link #hold}, {@link #release}, {@link #requeue},
 * {@link #delete}, {@link #flush(String)}) take a queue id and answer {@code false} for an id that
 * is not queued (or not in a queue the operation applies to), so that {@code postsuper} can count
 * what it did. Queue ids are case sensitive; anything that is not a well-formed queue id simply
 * finds nothing. The methods added in 1.1 have defaults that refuse, so that test doubles written
 * against 1.0 keep compiling; Tegami's queue implements them all.
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

    /**
     * Asks the queue manager to try one message now, ignoring its retry time ({@code postqueue -i}).
     * Messages on hold are left alone.
     *
     * @return true if the message is in the active or deferred queue
     * @since 1.1
     */
    default boolean flush(String queueId) throws QueueException {
        throw new QueueException("flushing one message is not supported by this queue");
    }

    /**
     * Puts a message on hold ({@code postsuper -h}): it stays in the queue but is neither delivered
     * nor expired until it is released. A message being delivered right now is held as soon as the
     * recipient in hand is done.
     *
     * @return true if the message was in the active or deferred queue (false if it is unknown or
     *         already on hold)
     * @since 1.1
     */
    default boolean hold(String queueId) throws QueueException {
        throw new QueueException("hold is not supported by this queue");
    }

    /**
     * Releases a message from hold ({@code postsuper -H}): it goes back to the deferred queue and is
     * tried at once, keeping its back-off history and its arrival time (so it may expire now).
     *
     * @return true if the message was on hold
     * @since 1.1
     */
    default boolean release(String queueId) throws QueueException {
        throw new QueueException("release is not supported by this queue");
    }

    /**
     * Requeues a message ({@code postsuper -r}), from any queue including hold: its routing is
     * computed again and its back-off starts over, and it is tried at once.
     *
     * @return true if the message was queued
     * @since 1.1
     */
    default boolean requeue(String queueId) throws QueueException {
        throw new QueueException("requeue is not supported by this queue");
    }

    /**
     * Opens a queued message for reading ({@code postcat -q}): its envelope and, streamed from the
     * spool on each {@link QueuedMessage#openContent()}, its content. The message may be delivered
     * and removed while it is read; reading then fails with an {@link java.io.IOException}.
     *
     * @return the message, or empty if it is not queued
     * @since 1.1
     */
    default Optional<QueuedMessage> open(String queueId) throws QueueException {
        throw new QueueException("reading queued messages is not supported by this queue");
    }
}
