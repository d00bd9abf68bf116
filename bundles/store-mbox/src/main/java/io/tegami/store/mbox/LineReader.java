package io.tegami.store.mbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads an mbox file line by line with positional reads, keeping only the first
 * {@link #KEEP} bytes of each line: lines of any length pass through a fixed buffer, so a
 * gigabyte mbox or a megabyte-long line costs no more memory than a short one. For each line it
 * notes what the mbox parser needs: where it starts and ends, whether it is blank, and whether
 * it is a (quoted) "From " line.
 */
final class LineReader {

    /** Bytes of each line kept for inspection: enough for a From_ line and metadata headers. */
    static final int KEEP = 4096;
    private static final byte[] FROM = {'F', 'r', 'o', 'm', ' '};

    private final FileChannel channel;
    private final long limit;
    private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    private long bufStart;
    private long pos;

    // The current line.
    final byte[] head = new byte[KEEP];
    int headLen;
    long start;
    long end;
    /** Leading '>' characters. */
    int gts;
    /** The line is '>'* followed by "From ". */
    boolean from;
    /** The line ends with CR LF. */
    boolean crlf;
    /** The line ends with LF (false only for a last line without one). */
    boolean lf;

    /**
     * @param channel the file
     * @param from the offset to start at
     * @param limit the offset not to read past (the file size seen under the lock)
     */
    LineReader(FileChannel channel, long from, long limit) {
        this.channel = channel;
        this.pos = from;
        this.limit = limit;
        this.bufStart = from;
        buf.limit(0);
    }

    /** The offset of the next line. */
    long position() {
        return pos;
    }

    /** Moves to an offset (forward or back); the buffer is reused when it covers it. */
    void seek(long offset) {
        if (offset >= bufStart && offset <= bufStart + buf.limit()) {
            buf.position((int) (offset - bufStart));
        } else {
            buf.limit(0);
            bufStart = offset;
        }
        pos = offset;
    }

    /**
     * Reads the next line, not going past {@code stop}.
     *
     * @return false at the stop offset (or the end of the file)
     */
    boolean next(long stop) throws IOException {
        long max = Math.min(stop, limit);
        if (pos >= max) {
            return false;
        }
        start = pos;
        headLen = 0;
        gts = 0;
        from = false;
        crlf = false;
        lf = false;
        boolean inGts = true;
        int prev = -1;
        while (pos < max) {
            if (!buf.hasRemaining() && !fill()) {
                break;
            }
            byte b = buf.get();
            pos++;
            if (headLen < KEEP) {
                head[headLen++] = b;
            }
            if (inGts) {
                if (b == '>' && headLen == gts + 1) {
                    gts++;
                } else {
                    inGts = false;
                }
            }
            if (b == '\n') {
                lf = true;
                crlf = prev == '\r';
                break;
            }
            prev = b;
        }
        end = pos;
        from = headLen >= gts + FROM.length && matchesFrom(gts);
        return true;
    }

    private boolean matchesFrom(int at) {
        for (int i = 0; i < FROM.length; i++) {
            if (head[at + i] != FROM[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean fill() throws IOException {
        bufStart = pos;
        buf.clear();
        long want = Math.min(buf.capacity(), limit - pos);
        if (want <= 0) {
            buf.limit(0);
            return false;
        }
        buf.limit((int) want);
        channel.read(buf, bufStart); // -1 if the file shrank under us: then no more lines
        buf.flip();
        return buf.hasRemaining();
    }

    /** The line is empty: LF or CR LF alone. */
    boolean blank() {
        long len = end - start;
        return lf && (len == 1 || (len == 2 && crlf));
    }

    /** An unquoted "From " line (the candidate start of a message). */
    boolean fromLine() {
        return from && gts == 0;
    }

    /** A line that mboxrd quoting touched: '>'+ then "From ". */
    boolean quotedFrom() {
        return from && gts > 0;
    }

    long length() {
        return end - start;
    }

    /**
     * Reads {@code n} bytes at {@code offset} without moving the line position (for checking what
     * Content-Length points at).
     */
    int peek(long offset, byte[] dst, int n) throws IOException {
        long max = Math.min(n, limit - offset);
        if (max <= 0) {
            return 0;
        }
        ByteBuffer b = ByteBuffer.wrap(dst, 0, (int) max);
        while (b.hasRemaining()) {
            int r = channel.read(b, offset + b.position());
            if (r < 0) {
                break;
            }
        }
        return b.position();
    }
}
