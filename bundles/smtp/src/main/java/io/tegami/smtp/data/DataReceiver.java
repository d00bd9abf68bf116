package io.tegami.smtp.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.net.Line;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueException;

/**
 * Streams one message into the queue as it arrives, never holding it in memory: the lines of a
 * {@code DATA} phase (dot-unstuffed) or the raw octets of {@code BDAT} chunks (RFC 3030, no
 * dot-stuffing), stored with LF line endings. Over {@code message_size_limit} it drops the queue
 * file at once and keeps reading to the end, so the client gets its 552 in sync.
 *
 * <p>Line endings follow Postfix 3.9's {@code smtpd_forbid_bare_newline}: a bare LF ends a line
 * like CRLF, but with {@code normalize} (the default) and {@code reject} only
 * {@code CRLF . CRLF} ends a DATA phase (a lone dot next to a bare LF is dropped, so that no
 * smuggled second message can start there), and {@code reject} refuses the whole message after
 * its end. A bare CR never ends a line: it is stored as a space, as Postfix stores it, so that no
 * later hop can take it for a line break ({@code <CR>.<CR>} smuggling).
 */
public final class DataReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(DataReceiver.class);
    private static final byte[] LF = {'\n'};
    private static final byte[] SPACE = {' '};

    /** What the session should do after a DATA line. */
    public enum Progress {
        /** Keep feeding lines. */
        MORE,
        /** That was the final {@code .}: call {@link #finish()}. */
        END
    }

    private final MessageWriter writer;
    private final OutputStream out;
    private final long sizeLimit;
    private final BareNewline bareNewline;
    private final String bareLfReply;
    private final byte[] copy = new byte[8192];
    private boolean atLineStart = true;
    private boolean previousCrlf = true;
    private boolean firstByte = true;
    /** CRs at the end of the octets so far: the last one goes before a LF, the others are spaces. */
    private int pendingCrs;
    /** The last BDAT octet was a LF (or none came yet). */
    private boolean chunkLineStart = true;
    private long size;
    private boolean tooBig;
    private boolean bareLf;
    private IOException writeError;
    private boolean closed;

    /** A receiver with Postfix 3.9's default line-ending rule ({@code normalize}). */
    public DataReceiver(MessageWriter writer, long sizeLimit) {
        this(writer, sizeLimit, BareNewline.NORMALIZE, null);
    }

    /**
     * @param writer the queue file, with our Received: header already written
     * @param sizeLimit {@code message_size_limit}, 0 for none
     * @param bareNewline {@code smtpd_forbid_bare_newline} for this client
     * @param bareLfReply the reply that refuses a message with a bare LF ({@code reject})
     */
    public DataReceiver(MessageWriter writer, long sizeLimit, BareNewline bareNewline, String bareLfReply) {
        this.writer = writer;
        this.out = writer.content();
        this.sizeLimit = sizeLimit;
        this.bareNewline = bareNewline;
        this.bareLfReply = bareLfReply;
    }

    /** The queue id, for log lines and the final reply. */
    public String queueId() {
        return writer.queueId();
    }

    /** The message size so far, line ends counted as CRLF as the SIZE parameter does (Postfix's count). */
    public long size() {
        return size;
    }

    /** True when the message was refused for a bare LF ({@code smtpd_forbid_bare_newline = reject}). */
    public boolean refusedForBareLf() {
        return bareLf && bareNewline == BareNewline.REJECT;
    }

    /** Takes one DATA line (or fragment of a long line). */
    public Progress accept(Line line) {
        byte[] bytes = line.bytes();
        boolean fragment = line.isFragment();
        boolean crlf = line.ending() == Line.Ending.CRLF;
        if (line.ending() == Line.Ending.LF) {
            sawBareLf();
        }
        int offset = 0;
        if (atLineStart && bytes.length > 0 && bytes[0] == '.') {
            if (bytes.length == 1 && !fragment) {
                boolean end = bareNewline == BareNewline.NO || (crlf && previousCrlf);
                previousCrlf = crlf;
                // Not CRLF . CRLF: neither the end nor content, as in Postfix.
                return end ? Progress.END : Progress.MORE;
            }
            offset = 1; // RFC 5321 4.5.2 dot-unstuffing
        }
        count(bytes.length - offset + (fragment ? 0 : 2));
        if (writable()) {
            write(bytes, offset, bytes.length - offset);
            if (!fragment) {
                write(LF, 0, 1);
            }
        }
        atLineStart = !fragment;
        if (!fragment) {
            previousCrlf = crlf;
        }
        return Progress.MORE;
    }

    /** Takes the octets of a BDAT chunk, as they come (the buffer is read, not kept). */
    public void acceptChunk(ByteBuffer chunk) {
        count(chunk.remaining());
        while (chunk.hasRemaining()) {
            int n = Math.min(copy.length, chunk.remaining());
            chunk.get(copy, 0, n);
            if (writable()) {
                chunkBytes(n);
            }
        }
    }

    /** The chunk marked LAST has arrived: ends the last line. Then call {@link #finish()}. */
    public void endChunks() {
        if (!chunkLineStart) {
            count(2); // the line break the last line lacks, which Postfix counts too
        }
        spaces();
        if (!atLineStart && writable()) {
            write(LF, 0, 1);
        }
    }

    /** BDAT octets to lines: CRLF and bare LF end a line, a bare CR is a space. */
    private void chunkBytes(int n) {
        int start = 0;
        for (int i = 0; i < n; i++) {
            byte b = copy[i];
            if (b == '\r') {
                write(copy, start, i - start);
                start = i + 1;
                pendingCrs++;
            } else if (b == '\n') {
                if (pendingCrs == 0) {
                    sawBareLf();
                    count(1); // sizes count line ends as CRLF
                } else {
                    pendingCrs--; // CRLF: the CR goes; CRs before it are spaces, as in Postfix
                    spaces();
                }
            } else if (pendingCrs > 0) {
                spaces();
            }
            chunkLineStart = b == '\n';
        }
        write(copy, start, n - start);
    }

    /** Writes the CRs held back as the spaces they become when no LF follows. */
    private void spaces() {
        for (; pendingCrs > 0; pendingCrs--) {
            write(SPACE, 0, 1);
        }
    }

    private void sawBareLf() {
        if (!bareLf && bareNewline == BareNewline.REJECT) {
            discard(); // refused at the end in any case: nothing more goes to disk
        }
        bareLf = true;
    }

    private void count(long cost) {
        if (!tooBig && sizeLimit > 0 && size + cost > sizeLimit) {
            tooBig = true;
            LOG.warn("{}: queue file size limit exceeded", writer.queueId());
            discard();
        }
        size += cost;
    }

    private boolean writable() {
        return !tooBig && writeError == null && !refusedForBareLf();
    }

    /** Writes content, bare CRs as spaces; the first byte may not continue our Received: header. */
    private void write(byte[] bytes, int offset, int length) {
        if (length <= 0 || !writable()) {
            return;
        }
        try {
            if (firstByte && (bytes[offset] == ' ' || bytes[offset] == '\t')) {
                out.write('\n'); // Postfix: content starting with white space would continue our header
            }
            firstByte = false;
            int run = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\r') {
                    out.write(bytes, run, i - run);
                    out.write(' ');
                    run = i + 1;
                }
            }
            out.write(bytes, run, offset + length - run);
            atLineStart = bytes[offset + length - 1] == '\n';
        } catch (IOException e) {
            writeError = e;
            LOG.warn("{}: queue file write error: {}", writer.queueId(), e.toString());
            discard();
        }
    }

    /** After the end of the message: commits it, or says why not. Closes the queue file. */
    public DataResult finish() {
        try {
            if (tooBig) {
                return new DataResult(false, "552 5.3.4 Error: message file too big");
            }
            if (writeError != null) {
                return new DataResult(false, "451 4.3.0 Error: queue file write error");
            }
            if (refusedForBareLf()) {
                return new DataResult(false, bareLfReply);
            }
            out.flush();
            if (writer instanceof ErejectCopy copy) {
                String refusal = copy.refusal(); // every recipient's Sieve scripts ereject it
                if (refusal != null) {
                    return new DataResult(false, refusal);
                }
            }
            String id = writer.commit();
            return new DataResult(true, "250 2.0.0 Ok: queued as " + id);
        } catch (IOException | QueueException e) {
            LOG.warn("{}: queue file write error: {}", writer.queueId(), e.toString(), e);
            return new DataResult(false, "451 4.3.0 Error: queue file write error");
        } finally {
            discard();
        }
    }

    /** Drops the message (connection lost, shut down, refused). Safe to call more than once. */
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
