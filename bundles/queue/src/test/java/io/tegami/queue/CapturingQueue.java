package io.tegami.queue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.tegami.api.mail.Envelope;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueEntry;

/** A queue that keeps the last message in memory: what cleanup hands to the spool. */
final class CapturingQueue implements MailQueue {

    Envelope envelope;
    final ByteArrayOutputStream content = new ByteArrayOutputStream();
    boolean committed;
    boolean closed;

    String text() {
        return content.toString(StandardCharsets.UTF_8);
    }

    @Override
    public MessageWriter create(Envelope e) {
        envelope = e;
        content.reset();
        return new MessageWriter() {
            @Override
            public String queueId() {
                return "4F3A2B1C0D9";
            }

            @Override
            public OutputStream content() {
                return content;
            }

            @Override
            public String commit() {
                committed = true;
                return queueId();
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }

    @Override
    public List<QueueEntry> list() {
        return List.of();
    }

    @Override
    public Optional<QueueEntry> find(String queueId) {
        return Optional.empty();
    }

    @Override
    public void flush() {
    }

    @Override
    public boolean delete(String queueId) {
        return false;
    }
}
