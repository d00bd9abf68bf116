package io.tegami.api.queue;

import java.io.OutputStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A message being written into the queue. Not thread safe; one writer per message.
 */
@ProviderType
public interface MessageWriter extends AutoCloseable {

    /** The queue id the message will have ({@code 3F2A91C04B}), known before the content is written. */
    String queueId();

    /**
     * Where the message goes: header and body, lines ending in a bare {@code LF} (Unix form, as
     * {@code sendmail} takes it), already dot-unstuffed. The stream is buffered; do not close it.
     */
    OutputStream content();

    /**
     * Makes the message durable (written and fsync'd, directory entry included) and hands it to the
     * queue manager.
     *
     * @return the queue id
     * @throws QueueException if the message could not be made durable; it is then not queued
     */
    String commit() throws QueueException;

    /** Discards the message unless {@link #commit()} succeeded. */
    @Override
    void close();
}
