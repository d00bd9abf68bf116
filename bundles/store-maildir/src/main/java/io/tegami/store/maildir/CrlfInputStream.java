package io.tegami.store.maildir;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a message stored with LF line endings as IMAP and POP3 send it: every LF not preceded by
 * CR becomes CRLF. Streams; holds one byte of state.
 */
final class CrlfInputStream extends FilterInputStream {

    private final byte[] raw = new byte[16384];
    private int previous = -1;
    private boolean pendingLf;

    CrlfInputStream(InputStream in) {
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
        // Read at most half the room: each byte read may become two.
        int want = Math.min(raw.length, Math.max(1, (len - n) / 2));
        int r = in.read(raw, 0, want);
        if (r < 0) {
            return n == 0 ? -1 : n;
        }
        for (int i = 0; i < r; i++) {
            byte c = raw[i];
            if (c == '\n' && previous != '\r') {
                buf[off + n++] = '\r';
                if (n == len) { // only when one byte of room was left: the LF comes next time
                    pendingLf = true;
                    previous = '\r';
                    break;
                }
            }
            buf[off + n++] = c;
            previous = c;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(8192, Math.max(1, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (pendingLf ? 1 : 0) + in.available();
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** The size a stored file has with CRLF endings: its size plus one per LF not after a CR. */
    static long virtualSize(Path file) throws IOException {
        long size = 0;
        long bare = 0;
        int prev = -1;
        byte[] buf = new byte[65536];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n' && prev != '\r') {
                        bare++;
                    }
                    prev = buf[i];
                }
                size += n;
            }
        }
        return size + bare;
    }
}
