package io.tegami.api.store;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Gives a message as IMAP counts and sends it: every LF not preceded by CR becomes CRLF; CRLF and
 * lone CR pass unchanged. Idempotent, so a stream that is already CRLF passes through as it is.
 * Stores that keep messages with LF endings (Maildir, mbox) use it to give
 * {@link Mailbox#openMessage(long)} its CRLF form; protocols use it to count and send sections.
 */
public final class CrlfInputStream extends FilterInputStream {

    // Buffered here, so that the byte-at-a-time readers of header parsers cost an array access,
    // not a call down the stream chain, and bulk reads copy whole runs between line ends.
    private byte[] raw;
    private int pos;
    private int limit;
    private int previous = -1;
    private boolean pendingLf;

    public CrlfInputStream(InputStream in) {
        super(in);
    }

    /** Refills the buffer (blocking); false at the end of the stream. */
    private boolean fill() throws IOException {
        if (raw == null) {
            // Made on first need, no bigger than an in-memory source (a cached header section).
            int size = in instanceof ByteArrayInputStream ? Math.max(64, Math.min(8192, in.available())) : 8192;
            raw = new byte[size];
        }
        int r;
        do {
            r = in.read(raw, 0, raw.length);
        } while (r == 0);
        if (r < 0) {
            return false;
        }
        pos = 0;
        limit = r;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (pendingLf) {
            pendingLf = false;
            previous = '\n';
            return '\n';
        }
        if (pos == limit && !fill()) {
            previous = -1;
            return -1;
        }
        int b = raw[pos++] & 0xff;
        if (b == '\n' && previous != '\r') {
            pendingLf = true;
            previous = '\r';
            return '\r';
        }
        previous = b;
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        if (pendingLf) {
            pendingLf = false;
            previous = '\n';
            buf[off + n++] = '\n';
        }
        if (pos == limit && n == 0 && !fill()) {
            return -1;
        }
        while (n < len && pos < limit) {
            int end = Math.min(limit, pos + (len - n));
            int i = pos;
            while (i < end && raw[i] != '\n') {
                i++;
            }
            int run = i - pos;
            if (run > 0) {
                System.arraycopy(raw, pos, buf, off + n, run);
                n += run;
                previous = raw[i - 1] & 0xff;
                pos = i;
            }
            if (i < end) {
                pos++; // the LF
                if (previous != '\r') {
                    buf[off + n++] = '\r';
                    if (n == len) {
                        pendingLf = true;
                        previous = '\r';
                        return n;
                    }
                }
                buf[off + n++] = '\n';
                previous = '\n';
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping must count converted bytes, so read through.
        byte[] scratch = new byte[(int) Math.min(8192, Math.max(1, n))];
        long left = n;
        while (left > 0) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    @Override
    public int available() {
        // At least as many octets come out as go in; an in-memory source can say how many are left.
        int source = in instanceof ByteArrayInputStream b ? b.available() : 0;
        return (int) Math.min(Integer.MAX_VALUE, (pendingLf ? 1L : 0L) + (limit - pos) + source);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }
}
