package io.tegami.shell.queue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueEntry;
import io.tegami.api.queue.QueueException;
import io.tegami.api.queue.QueuedMessage;

/** A queue in memory: entries to list, content to open, and a record of what was asked of it. */
final class FakeQueue implements MailQueue {

    /** A message in the fake queue. */
    static final class Message {
        QueueEntry entry;
        byte[] content;

        Message(QueueEntry entry, byte[] content) {
            this.entry = entry;
            this.content = content;
        }
    }

    final Map<String, Message> messages = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    int next = 0xA0;

    /** Adds a message; recipients are "address" or "address|reason". */
    FakeQueue add(String id, String queue, String sender, Instant arrival, String content, String... recipients) {
        List<QueueEntry.Recipient> rcpts = new ArrayList<>();
        for (String r : recipients) {
            String[] f = r.split("\\|", 2);
            rcpts.add(new QueueEntry.Recipient(AddressList.toAddress(f[0], "localhost"), f.length > 1 ? f[1] : null));
        }
        List<MailAddress> addresses = rcpts.stream().map(QueueEntry.Recipient::address).toList();
        Envelope env = Envelope.of(sender.isEmpty() ? MailAddress.NULL_SENDER : AddressList.toAddress(sender, "localhost"),
                addresses);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        messages.put(id, new Message(new QueueEntry(id, queue, env, addresses, bytes.length, arrival, null, rcpts), bytes));
        return this;
    }

    private void move(String id, String queue) {
        Message m = messages.get(id);
        QueueEntry e = m.entry;
        m.entry = new QueueEntry(e.queueId(), queue, e.envelope(), e.pending(), e.size(), e.arrivalTime(), e.lastReason(),
                e.recipients());
    }

    @Override
    public MessageWriter create(Envelope envelope) throws QueueException {
        String id = String.format("%012X", next++);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        calls.add("create " + id);
        return new MessageWriter() {
            boolean committed;

            @Override
            public String queueId() {
                return id;
            }

            @Override
            public OutputStream content() {
                return bytes;
            }

            @Override
            public String commit() {
                committed = true;
                QueueEntry e = new QueueEntry(id, QueueEntry.ACTIVE, envelope, envelope.recipients(), bytes.size(),
                        Instant.now(), null);
                messages.put(id, new Message(e, bytes.toByteArray()));
                calls.add("commit " + id);
                return id;
            }

            @Override
            public void close() {
                if (!committed) {
                    calls.add("discard " + id);
                }
            }
        };
    }

    /** The content of a message, as text. */
    String text(String id) {
        return new String(messages.get(id).content, StandardCharsets.UTF_8);
    }

    @Override
    public List<QueueEntry> list() {
        return messages.values().stream().map(m -> m.entry).toList();
    }

    @Override
    public Optional<QueueEntry> find(String queueId) {
        return Optional.ofNullable(messages.get(queueId)).map(m -> m.entry);
    }

    @Override
    public void flush() {
        calls.add("flush");
    }

    @Override
    public boolean flush(String queueId) {
        calls.add("flush " + queueId);
        return messages.containsKey(queueId);
    }

    @Override
    public boolean delete(String queueId) {
        calls.add("delete " + queueId);
        return messages.remove(queueId) != null;
    }

    @Override
    public boolean hold(String queueId) {
        calls.add("hold " + queueId);
        Message m = messages.get(queueId);
        if (m == null || m.entry.queueName().equals(QueueEntry.HOLD)) {
            return false;
        }
        move(queueId, QueueEntry.HOLD);
        return true;
    }

    @Override
    public boolean release(String queueId) {
        calls.add("release " + queueId);
        Message m = messages.get(queueId);
        if (m == null || !m.entry.queueName().equals(QueueEntry.HOLD)) {
            return false;
        }
        move(queueId, QueueEntry.DEFERRED);
        return true;
    }

    @Override
    public boolean requeue(String queueId) {
        calls.add("requeue " + queueId);
        if (!messages.containsKey(queueId)) {
            return false;
        }
        move(queueId, QueueEntry.ACTIVE);
        return true;
    }

    @Override
    public Optional<QueuedMessage> open(String queueId) {
        Message m = messages.get(queueId);
        if (m == null) {
            return Optional.empty();
        }
        return Optional.of(new QueuedMessage() {
            @Override
            public String queueId() {
                return queueId;
            }

            @Override
            public Envelope envelope() {
                return m.entry.envelope();
            }

            @Override
            public Instant arrivalTime() {
                return m.entry.arrivalTime();
            }

            @Override
            public long size() {
                return m.content.length;
            }

            @Override
            public InputStream openContent() {
                return new ByteArrayInputStream(m.content);
            }
        });
    }
}
