package io.tegami.store.mbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * mboxrd unquoting on the way out of an mbox: a line matching {@code ^>+From } loses one
 * {@code >}. The inverse of {@link QuotingOutputStream}; it looks ahead only over a line's leading
 * '>' run and "From ".
 */
final class UnquotingInputStream extends InputStream {

    private static final byte[] FROM = {'F', 'r', 'o', 'm', ' '};

    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int bufPos;
    private int bufLen;
    private boolean eof;

    /** Decided bytes of a line start, served before the buffer. */
    private byte[] pending = new byte[16];
    private int pendingPos;
    private int pendingLen;
    private boolean atLineStart = true;

    UnquotingInputStream(InputStream in) {
        this.in = in;
    }

    private int next() throws IOException {
        if (bufPos == bufLen) {
            if (eof) {
                return -1;
            }
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                eof = true;
                return -1;
            }
            bufPos = 0;
            bufLen = n;
        }
        return buf[bufPos++] & 0xff;
    }

    @Override
    public int read() throws IOException {
        if (pendingPos < pendingLen) {
            return pending[pendingPos++] & 0xff;
        }
        int b = next();
        if (b < 0) {
            return -1;
        }
        if (atLineStart && b == '>') {
            return lineStart();
        }
        atLineStart = b == '\n';
        return b;
    }

    /** Reads the rest of a line start that began with '>' and drops one '>' if it quotes "From ". */
    private int lineStart() throws IOException {
        pendingPos = 0;
        pendingLen = 0;
        add('>');
        int b;
        while ((b = next()) == '>') {
            add(b);
        }
        int matched = 0;
        while (b >= 0 && b == FROM[matched]) {
            add(b);
            if (++matched == FROM.length) {
                break;
            }
            b = next();
        }
        boolean quoted = matched == FROM.length;
        if (!quoted && b >= 0) {
            add(b); // the byte that broke the pattern
        }
        atLineStart = pending[pendingLen - 1] == '\n';
        pendingPos = quoted ? 1 : 0;
        return pending[pendingPos++] & 0xff;
    }

    private void add(int b) {
        if (pendingLen == pending.length) {
            pending = Arrays.copyOf(pending, pending.length * 2);
        }
        pending[pendingLen++] = (byte) b;
    }

    @Override
    public int read(byte[] dst, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            if (pendingPos == pendingLen && !atLineStart && bufPos < bufLen) {
                // Fast path: plain bytes up to and including the next LF.
                int limit = Math.min(bufLen, bufPos + (len - n));
                int start = bufPos;
                while (bufPos < limit) {
                    if (buf[bufPos++] == '\n') {
                        atLineStart = true;
                        break;
                    }
                }
                System.arraycopy(buf, start, dst, off + n, bufPos - start);
                n += bufPos - start;
                continue;
            }
            int b = read();
            if (b < 0) {
                return n == 0 ? -1 : n;
            }
            dst[off + n++] = (byte) b;
        }
        return n;
    }

    @Override
    public int available() {
        return (pendingLen - pendingPos) + (bufLen - bufPos);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
