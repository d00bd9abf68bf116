package io.tegami.imap.message;

import io.tegami.api.store.CrlfInputStream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The octets of one FETCH section (RFC 3501 6.4.5), ready to send as a literal: {@link #length()}
 * is known before streaming, and {@link #open()} gives exactly that many octets, CRLF line
 * endings, NUL sent as 0x80 (IMAP literals may not carry NUL; Dovecot does the same).
 */
public final class Section {

    /** Opens a stream of a section's octets (before partial cutting and NUL mapping). */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    private static final Section EMPTY = new Section(0, InputStream::nullInputStream);

    private final long length;
    private final Opener opener;

    Section(long length, Opener opener) {
        this.length = length;
        this.opener = opener;
    }

    static Section empty() {
        return EMPTY;
    }

    static Section of(byte[] bytes) {
        return new Section(bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
    }

    /** The octets {@code [start, start + length)} of the message in CRLF form. */
    static Section range(MessageSource source, long start, long length) {
        if (length <= 0) {
            return EMPTY;
        }
        return new Section(length, () -> {
            InputStream in = new CrlfInputStream(source.open());
            try {
                skipFully(in, start);
            } catch (IOException e) {
                in.close();
                throw e;
            }
            return in;
        });
    }

    /** The number of octets {@link #open()} gives. */
    public long length() {
        return length;
    }

    /**
     * Streams the octets. The stream ends after exactly {@link #length()} octets; if the message
     * turns out shorter (changed under us), it throws an IOException rather than send less than
     * the literal promised. Close it.
     */
    public InputStream open() throws IOException {
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        return new Exact(opener.open(), length);
    }

    /**
     * The {@code <start.count>} partial of this section (RFC 3501 6.4.5): empty if {@code start}
     * is at or past the end, else at most {@code count} octets from {@code start}.
     */
    public Section partial(long start, long count) {
        if (start >= length || count <= 0) {
            return EMPTY;
        }
        long n = Math.min(count, length - start);
        Opener base = opener;
        return new Section(n, () -> {
            InputStream in = base.open();
            try {
                skipFully(in, start);
            } catch (IOException e) {
                in.close();
                throw e;
            }
            return in;
        });
    }

    /** Skips by reading: skip() of filtering streams may skip source octets, not output octets. */
    static void skipFully(InputStream in, long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(8192, Math.max(1, n))];
        while (n > 0) {
            int r = in.read(scratch, 0, (int) Math.min(scratch.length, n));
            if (r < 0) {
                throw new IOException("message ended before offset " + n);
            }
            n -= r;
        }
    }

    /** Gives exactly {@code length} octets, NUL mapped to 0x80. */
    private static final class Exact extends FilterInputStream {
        private long left;

        Exact(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int r = read(one, 0, 1);
            return r < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int r = in.read(b, off, (int) Math.min(len, left));
            if (r < 0) {
                throw new IOException("message ended " + left + " octets early");
            }
            for (int i = off; i < off + r; i++) {
                if (b[i] == 0) {
                    b[i] = (byte) 0x80;
                }
            }
            left -= r;
            return r;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] scratch = new byte[(int) Math.min(8192, Math.max(1, n))];
            long done = 0;
            while (done < n) {
                int r = read(scratch, 0, (int) Math.min(scratch.length, n - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(left, in.available());
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
