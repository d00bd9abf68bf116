package io.tegami.api.store;

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

    private final byte[] raw = new byte[8192];
    private int previous = -1;
    private boolean pendingLf;

    public CrlfInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        if (pendingLf) {
            pendingLf = false;
            previous = '\n';
            return '\n';
        }
        int b = in.read();
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
            if (n == len) {
                return n;
            }
        }
        // Read at most half the room left: every byte read may become two.
        int want = Math.min(raw.length, Math.max(1, (len - n) / 2));
        int r = in.read(raw, 0, want);
        if (r < 0) {
            return n == 0 ? -1 : n;
        }
        for (int i = 0; i < r; i++) {
            byte b = raw[i];
            if (b == '\n' && previous != '\r') {
                buf[off + n++] = '\r';
                if (n == len) {
                    // Only possible when want was 1 and room 1: emit LF on the next call.
                    pendingLf = true;
                    previous = '\r';
                    return n;
                }
            }
            buf[off + n++] = b;
            previous = b & 0xff;
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
        return pendingLf ? 1 : 0;
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
