package io.tegami.store.mbox;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * mboxrd quoting of message bodies on the way into an mbox: every line matching
 * {@code ^>*From } gets one more {@code >}, so that {@code From } can never start a line of a
 * body and the quoting is reversible ({@link UnquotingInputStream} removes exactly one level).
 * CRLF line endings are stored as LF, as Dovecot and Postfix local store them; a CR not before an
 * LF is kept. Lines are never held in memory, only the few bytes of a line's start needed to
 * decide.
 */
final class QuotingOutputStream extends FilterOutputStream {

    private static final byte[] FROM = {'F', 'r', 'o', 'm', ' '};

    /** Bytes of the current line's start not written yet: '>'* then a prefix of "From ". */
    private byte[] pending = new byte[16];
    private int pendingLen;
    private int gtCount;
    private boolean atLineStart = true;
    private boolean deciding = true;
    private boolean pendingCr;
    private int lastByte = '\n';
    private long written;
    private long lines;
    private long quoted;

    QuotingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        b &= 0xff;
        if (pendingCr) {
            pendingCr = false;
            if (b != '\n') {
                emit('\r');
            }
        }
        if (b == '\r') {
            pendingCr = true;
            return;
        }
        emit(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    private void emit(int b) throws IOException {
        if (atLineStart) {
            atLineStart = false;
            deciding = true;
            pendingLen = 0;
            gtCount = 0;
        }
        if (deciding) {
            int fromIdx = pendingLen - gtCount;
            if (fromIdx == 0 && b == '>') {
                add(b);
                gtCount++;
                return;
            }
            if (b == FROM[fromIdx]) {
                add(b);
                if (fromIdx + 1 == FROM.length) { // a ">*From " line: quote it
                    raw('>');
                    quoted++;
                    flushPending();
                }
                return;
            }
            flushPending();
        }
        raw(b);
        if (b == '\n') {
            atLineStart = true;
            lines++;
        }
    }

    private void add(int b) {
        if (pendingLen == pending.length) {
            pending = java.util.Arrays.copyOf(pending, pending.length * 2);
        }
        pending[pendingLen++] = (byte) b;
    }

    private void flushPending() throws IOException {
        deciding = false;
        for (int i = 0; i < pendingLen; i++) {
            raw(pending[i]);
        }
        pendingLen = 0;
    }

    private void raw(int b) throws IOException {
        out.write(b);
        lastByte = b & 0xff;
        written++;
    }

    /**
     * Writes out what is pending (a final CR, an undecided line start). Call at the end of the
     * content; the stream can go on after it but a line split there is decided as if it ended.
     */
    void finishContent() throws IOException {
        if (deciding && !atLineStart) {
            flushPending();
        }
        if (pendingCr) {
            pendingCr = false;
            raw('\r');
        }
    }

    /** True if nothing was written yet or the last byte written was LF. */
    boolean endsWithNewline() {
        return lastByte == '\n';
    }

    /** Bytes written to the underlying stream. */
    long written() {
        return written;
    }

    /** LF-terminated lines written. */
    long lines() {
        return lines;
    }

    /** Lines that got an extra '>'. */
    long quoted() {
        return quoted;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        finishContent();
        super.close();
    }
}
