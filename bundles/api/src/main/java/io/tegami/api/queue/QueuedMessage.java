package io.tegami.api.queue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import io.tegami.api.mail.Envelope;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A queued message handed to a delivery agent. Its content is read from the spool file each time
 * {@link #openContent()} is called; nothing holds it in memory.
 */
@ProviderType
public interface QueuedMessage {

    /** The queue id, for log lines. */
    String queueId();

    /** Sender, recipients and arrival facts. */
    Envelope envelope();

    /** When the message was queued. */
    Instant arrivalTime();

    /** The content size in bytes (LF line endings). */
    long size();

    /** A new stream over the message content (header and body, LF line endings). Close it. */
    InputStream openContent() throws IOException;
}
