package io.tegami.store.mbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A message as clients see it, streamed from its place in the mbox: the header without the
 * metadata fields, the body with one level of mboxrd quoting removed, every bare LF as CRLF. Its
 * length is exactly the scanned {@link ScannedMessage#rfc822Size()}.
 */
final class MessageStream {

    private MessageStream() {
    }

    /**
     * Opens the stream.
     *
     * @param ch an open channel on the file the message was scanned from; it belongs to the stream
     * @param closer closes the channel when the stream is closed
     */
    static InputStream open(FileChannel ch, ScannedMessage s, ChannelCloser closer) {
        List<InputStream> parts = new ArrayList<>();
        long pos = s.headerOffset();
        for (long[] range : s.hidden()) {
            if (range[0] > pos) {
                parts.add(new RangeInputStream(ch, pos, Math.min(range[0], s.headerEnd())));
            }
            pos = Math.max(pos, range[1]);
        }
        if (pos < s.bodyOffset()) {
            parts.add(new RangeInputStream(ch, pos, s.bodyOffset()));
        }
        parts.add(new UnquotingInputStream(new RangeInputStream(ch, s.bodyOffset(), s.end())));
        InputStream joined = new SequenceInputStream(Collections.enumeration(parts));
        return new CrlfInputStream(joined, () -> closer.close(ch));
    }

    /** Closes a message stream's channel (see {@link Folder#closeChannel}). */
    interface ChannelCloser {
        void close(FileChannel ch) throws IOException;
    }

    /** Reads {@code [from, to)} of a file with positional reads. */
    static final class RangeInputStream extends InputStream {
        private final FileChannel ch;
        private long pos;
        private final long end;

        RangeInputStream(FileChannel ch, long from, long to) {
            this.ch = ch;
            this.pos = from;
            this.end = to;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= end) {
                return -1;
            }
            int want = (int) Math.min(len, end - pos);
            int n = ch.read(ByteBuffer.wrap(b, off, want), pos);
            if (n < 0) {
                throw new IOException("the mailbox file ended inside a message");
            }
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, end - pos);
        }
    }

    /** Turns every LF not preceded by CR into CRLF; closing runs an action. */
    static final class CrlfInputStream extends InputStream {
        private final InputStream in;
        private final Closer onClose;
        private final byte[] buf = new byte[16 * 1024];
        private int bufPos;
        private int bufLen;
        private int prev = -1;
        private boolean pendingLf;
        private boolean closed;

        interface Closer {
            void close() throws IOException;
        }

        CrlfInputStream(InputStream in, Closer onClose) {
            this.in = in;
            this.onClose = onClose;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len) {
                if (pendingLf) {
                    b[off + n++] = '\n';
                    pendingLf = false;
                    prev = '\n';
                    continue;
                }
                if (bufPos == bufLen) {
                    if (n > 0) {
                        break;
                    }
                    int r = in.read(buf, 0, buf.length);
                    if (r < 0) {
                        return -1;
                    }
                    bufPos = 0;
                    bufLen = r;
                    continue;
                }
                byte c = buf[bufPos++];
                if (c == '\n' && prev != '\r') {
                    b[off + n++] = '\r';
                    pendingLf = true;
                    prev = '\r';
                    continue;
                }
                b[off + n++] = c;
                prev = c;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                onClose.close();
            }
        }
    }
}
