package io.tegami.smtp.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueException;
import io.tegami.api.queue.QueuedMessage;
import io.tegami.api.sieve.SieveEreject;

/**
 * A queue writer that also copies the message, up to a size, into a private temporary file, so
 * that the recipients' Sieve scripts can read it before it is committed ({@link ErejectGate}).
 * The queue file gets every octet first; a copy that cannot be written (or grows too big) is
 * dropped and the message is queued as usual. The copy is deleted when the writer is closed.
 */
final class ErejectCopy implements MessageWriter {

    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.smtp.smtpd");

    private final MessageWriter writer;
    private final Envelope envelope;
    private final long limit;
    private final Consumer<String> rejectLog;
    private final Path file;
    private final Tee tee;
    private OutputStream copy;
    private long copied;
    private boolean overLimit;
    private boolean broken;

    ErejectCopy(MessageWriter writer, Envelope envelope, long limit, Path tmpDirectory, Consumer<String> rejectLog)
            throws IOException {
        this.writer = writer;
        this.envelope = envelope;
        this.limit = limit;
        this.rejectLog = rejectLog;
        Files.createDirectories(tmpDirectory);
        this.file = Files.createTempFile(tmpDirectory, writer.queueId() + ".", ".ereject"); // mode 0600
        this.copy = new BufferedOutputStream(Files.newOutputStream(file), 8192);
        this.tee = new Tee(writer.content());
    }

    @Override
    public String queueId() {
        return writer.queueId();
    }

    @Override
    public OutputStream content() {
        return tee;
    }

    @Override
    public String commit() throws QueueException {
        return writer.commit();
    }

    @Override
    public void close() {
        try {
            writer.close();
        } finally {
            dropCopy();
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("{}: cannot remove {}: {}", writer.queueId(), file, e.toString());
            }
        }
    }

    /**
     * Runs the recipients' scripts on the copy: the {@code 550 5.7.1} reply when every one of
     * them {@code ereject}s (logged as Postfix logs an end-of-data reject), else null. Called once
     * the whole message is in, before the commit.
     */
    String refusal() {
        try {
            if (copy != null) {
                copy.flush();
            }
        } catch (IOException e) {
            broken = true;
        }
        dropCopy();
        if (overLimit) {
            LOG.info("{}: sieve: message larger than {} = {}: ereject left to delivery", writer.queueId(),
                    ErejectGate.SIZE_LIMIT, limit);
            return null;
        }
        SieveEreject service = ErejectGate.current();
        if (broken || service == null) {
            return null;
        }
        QueuedMessage message = new Copied();
        String reason = null;
        long start = System.nanoTime();
        try {
            for (MailAddress rcpt : envelope.recipients()) {
                Optional<String> r = service.ereject(message, rcpt);
                if (r.isEmpty()) {
                    return null; // one recipient takes it: queued; delivery rejects for the others
                }
                reason = reason == null ? r.get() : reason;
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("{}: sieve: ereject check failed: {}", writer.queueId(), e.toString());
            return null;
        }
        String reply = ErejectGate.reply(reason);
        LOG.debug("{}: sieve: ereject for all recipients in {} ms", writer.queueId(),
                (System.nanoTime() - start) / 1_000_000);
        rejectLog.accept(reply.replace("\r\n", " "));
        return reply;
    }

    private void dropCopy() {
        if (copy != null) {
            try {
                copy.close();
            } catch (IOException e) {
                broken = true;
            }
            copy = null;
        }
    }

    private void copy(byte[] b, int off, int len) {
        if (copy == null || broken || overLimit) {
            return;
        }
        if (limit > 0 && copied + len > limit) {
            overLimit = true;
            dropCopy();
            return;
        }
        try {
            copy.write(b, off, len);
            copied += len;
        } catch (IOException e) {
            broken = true;
            dropCopy();
        }
    }

    /** The queue's stream, with every octet also copied. */
    private final class Tee extends OutputStream {
        private final OutputStream out;

        Tee(OutputStream out) {
            this.out = out;
        }

        private final byte[] one = new byte[1];

        @Override
        public void write(int b) throws IOException {
            one[0] = (byte) b;
            write(one, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            copy(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    /** The copy as the queued message it is about to be. */
    private final class Copied implements QueuedMessage {
        private final Instant arrival = Instant.now();

        @Override
        public String queueId() {
            return writer.queueId();
        }

        @Override
        public Envelope envelope() {
            return envelope;
        }

        @Override
        public Instant arrivalTime() {
            return arrival;
        }

        @Override
        public long size() {
            return copied;
        }

        @Override
        public InputStream openContent() throws IOException {
            return Files.newInputStream(file);
        }
    }
}
