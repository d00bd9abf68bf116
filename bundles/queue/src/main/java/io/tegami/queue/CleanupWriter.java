package io.tegami.queue;

import java.io.IOException;
import java.io.OutputStream;

import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueException;

/**
 * A queue file's writer seen through cleanup: content goes through a {@link HeaderCleanup}, which
 * is finished (missing headers added to a header-only message) before the message is committed.
 */
final class CleanupWriter implements MessageWriter {

    private final MessageWriter writer;
    private final HeaderCleanup content;

    CleanupWriter(MessageWriter writer, HeaderCleanup content) {
        this.writer = writer;
        this.content = content;
    }

    @Override
    public String queueId() {
        return writer.queueId();
    }

    @Override
    public OutputStream content() {
        return content;
    }

    @Override
    public String commit() throws QueueException {
        try {
            content.finish();
        } catch (IOException e) {
            writer.close();
            throw new QueueException(writer.queueId() + ": " + e.getMessage(), e);
        }
        return writer.commit();
    }

    @Override
    public void close() {
        writer.close();
    }
}
