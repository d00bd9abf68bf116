package io.tegami.webconsole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueEntry;
import io.tegami.api.queue.QueueException;

/** A queue of entries in memory, recording the operations asked of it. */
final class FakeQueue implements MailQueue {

    final List<QueueEntry> entries = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    boolean failing;

    static QueueEntry entry(String id, String queue, String sender, String... recipients) {
        List<MailAddress> rcpts = new ArrayList<>();
        for (String r : recipients) {
            rcpts.add(MailAddress.parse(r));
        }
        return new QueueEntry(id, queue, Envelope.of(MailAddress.parse(sender), rcpts), rcpts, 2048,
                Instant.parse("2026-11-28T10:15:30Z"), null);
    }

    @Override
    public MessageWriter create(Envelope envelope) throws QueueException {
        throw new QueueException("not in this fake");
    }

    @Override
    public List<QueueEntry> list() throws QueueException {
        check();
        return List.copyOf(entries);
    }

    @Override
    public Optional<QueueEntry> find(String queueId) {
        return entries.stream().filter(e -> e.queueId().equals(queueId)).findFirst();
    }

    @Override
    public void flush() {
        calls.add("flush");
    }

    @Override
    public boolean delete(String queueId) throws QueueException {
        check();
        calls.add("delete " + queueId);
        return entries.removeIf(e -> e.queueId().equals(queueId));
    }

    @Override
    public boolean flush(String queueId) {
        calls.add("flush " + queueId);
        return move(queueId, QueueEntry.DEFERRED, QueueEntry.ACTIVE);
    }

    @Override
    public boolean hold(String queueId) {
        calls.add("hold " + queueId);
        return move(queueId, QueueEntry.DEFERRED, QueueEntry.HOLD) || move(queueId, QueueEntry.ACTIVE, QueueEntry.HOLD);
    }

    @Override
    public boolean release(String queueId) {
        calls.add("release " + queueId);
        return move(queueId, QueueEntry.HOLD, QueueEntry.DEFERRED);
    }

    private boolean move(String id, String from, String to) {
        for (int i = 0; i < entries.size(); i++) {
            QueueEntry e = entries.get(i);
            if (e.queueId().equals(id) && e.queueName().equals(from)) {
                entries.set(i, new QueueEntry(id, to, e.envelope(), e.pending(), e.size(), e.arrivalTime(), e.lastReason()));
                return true;
            }
        }
        return false;
    }

    private void check() throws QueueException {
        if (failing) {
            throw new QueueException("spool unreadable");
        }
    }
}
