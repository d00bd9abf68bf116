package io.tegami.smtp.data;

import java.io.IOException;
import java.io.OutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.net.Line;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueException;

/**
 * Streams the lines of one {@code DATA} phase into the queue as they arrive: dot-unstuffed, with
 * LF line endings, never holding the message in memory. Over {@code message_size_limit} it drops
 * the queue file at once and keeps reading to the final dot, so the client gets its 552 in sync.
 */
public final class DataReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(DataReceiver.class);

    /** What the session should do after a line. */
    public enum Progress {
        /** Keep feeding lines. */
        MORE,
        /** That was the final {@code .}: call {@link #finish()}. */
        END,
        /** A bare LF: refuse the message and hang up (SMTP smuggling defence). */
        BARE_LF
    }

    private final MessageWriter writer;
    private final OutputStream out;
    private final long sizeLimit;
    private boolean atLineStart = true;
    private boolean firstLine = true;
    private long size;
    private boolean tooBig;
    private IOException writeError;
    private boolean closed;

    /**
     * @param writer the queue file, with our Received: header already written
     * @param sizeLimit {@code message_size_limit}, 0 for none
     */
    public DataReceiver(MessageWriter writer, long sizeLimit) {
        this.writer = writer;
        this.out = writer.content();
        this.sizeLimit = sizeLimit;
    }

    /** The queue id, for log lines. */
    public String queueId() {
        return writer.queueId();
    }

    /** The message bytes received so far, counting CRLF as two as the SIZE parameter does. */
    public long size() {
        return size;
    }

    /** Takes one line (or fragment of a long line) of message content. */
    public Progress accept(Line line) {
        if (line.ending() == Line.Ending.LF) {
            return Progress.BARE_LF;
        }
        byte[] bytes = line.bytes();
        boolean fragment = line.isFragment();
        int offset = 0;
        if (atLineStart && bytes.length > 0 && bytes[0] == '.') {
            if (bytes.length == 1 && !fragment) {
                return Progress.END;
            }
            offset = 1; // RFC 5321 4.5.2 dot-unstuffing
        }
        long cost = bytes.length - offset + (fragment ? 0 : 2);
        if (!tooBig && sizeLimit > 0 && size + cost > sizeLimit) {
            tooBig = true;
            LOG.warn("{}: queue file size limit exceeded", writer.queueId());
            discard();
        }
        size += cost;
        if (!tooBig && writeError == null) {
            write(bytes, offset, fragment);
        }
        atLineStart = !fragment;
        return Progress.MORE;
    }

    private void write(byte[] bytes, int offset, boolean fragment) {
        try {
            if (firstLine && atLineStart && bytes.length > offset && (bytes[offset] == ' ' || bytes[offset] == '\t')) {
                // Postfix: content starting with white space would continue our Received: header.
                out.write('\n');
            }
            firstLine = false;
            out.write(bytes, offset, bytes.length - offset);
            if (!fragment) {
                out.write('\n');
            }
        } catch (IOException e) {
            writeError = e;
            LOG.warn("{}: queue file write error: {}", writer.queueId(), e.toString());
            discard();
        }
    }

    /** After the final dot: commits the message, or says why not. Closes the queue file. */
    public DataResult finish() {
        try {
            if (tooBig) {
                return new DataResult(false, "552 5.3.4 Error: message file too big");
            }
            if (writeError != null) {
                return new DataResult(false, "451 4.3.0 Error: queue file write error");
            }
            out.flush();
            String id = writer.commit();
            return new DataResult(true, "250 2.0.0 Ok: queued as " + id);
        } catch (IOException | QueueException e) {
            LOG.warn("{}: queue file write error: {}", writer.queueId(), e.toString(), e);
            return new DataResult(false, "451 4.3.0 Error: queue file write error");
        } finally {
            discard();
        }
    }

    /** Drops the message (connection lost, shut down, bare LF). Safe to call more than once. */
    public void discard() {
        if (!closed) {
            closed = true;
            try {
                writer.close();
            } catch (RuntimeException e) {
                LOG.warn("{}: cannot discard queue file: {}", writer.queueId(), e.toString());
            }
        }
    }
}
