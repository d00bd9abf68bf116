package io.tegami.smtp.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tegami.api.mail.Envelope;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueEntry;
import io.tegami.api.queue.QueueException;

/** A queue in memory that remembers committed messages and counts discarded ones. */
public final class FakeMailQueue implements MailQueue {

    /** A committed message. */
    public record Queued(String queueId, Envelope envelope, String content) {
    }

    private final List<Queued> committed = new ArrayList<>();
    private final List<Writer> writers = new ArrayList<>();
    private int next = 0x3F2A91;
    private boolean failCreate;
    private boolean failCommit;
    private boolean failWrite;

    public FakeMailQueue failCreate(boolean fail) {
        this.failCreate = fail;
        return this;
    }

    public FakeMailQueue failCommit(boolean fail) {
        this.failCommit = fail;
        return this;
    }

    public FakeMailQueue failWrite(boolean fail) {
        this.failWrite = fail;
        return this;
    }

    public List<Queued> committed() {
        return committed;
    }

    /** Writers closed without commit. */
    public long discarded() {
        return writers.stream().filter(w -> w.closed && !w.committed).count();
    }

    /** Writers neither committed nor closed: a leak. */
    public long open() {
        return writers.stream().filter(w -> !w.closed).count();
    }

    @Override
    public MessageWriter create(Envelope envelope) throws QueueException {
        if (failCreate) {
            throw new QueueException("spool directory missing");
        }
        Writer w = new Writer(String.format("%X", next++), envelope);
        writers.add(w);
        return w;
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

    private final class Writer implements MessageWriter {

        private final String id;
        private final Envelope envelope;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean committed;
        private boolean closed;
        private final OutputStream content = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                check();
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                check();
                bytes.write(b, off, len);
            }

            private void check() throws IOException {
                if (closed) {
                    throw new IOException("writer closed");
                }
                if (failWrite && bytes.size() > 0) {
                    throw new IOException("No space left on device");
                }
            }
        };

        Writer(String id, Envelope envelope) {
            this.id = id;
            this.envelope = envelope;
        }

        @Override
        public String queueId() {
            return id;
        }

        @Override
        public OutputStream content() {
            return content;
        }

        @Override
        public String commit() throws QueueException {
            if (closed || committed) {
                throw new IllegalStateException("commit after close");
            }
            if (failCommit) {
                throw new QueueException("fsync failed");
            }
            committed = true;
            FakeMailQueue.this.committed.add(new Queued(id, envelope, bytes.toString(StandardCharsets.UTF_8)));
            return id;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
