package io.tegami.imap.session;

import java.io.IOException;
import java.io.InputStream;

import io.tegami.api.net.Connection;

/**
 * What the session writes, counted for Dovecot's {@code out=} log field. Lines get their CRLF
 * here; message content is streamed in chunks so that a large FETCH never sits in memory.
 *
 * <p>While a command runs ({@link #startBatch} to {@link #endBatch}) small writes are gathered
 * into one buffer of up to {@link #BATCH} octets and passed to the connection together: every
 * {@link Connection#write} from the session thread is a task handed to the event loop, and a
 * {@code FETCH 1:* (FLAGS ENVELOPE)} of a thousand messages made several thousand of them.
 * Outside a batch (IDLE events, continuation requests) each write goes out as it is made.
 */
public final class ImapOutput {

    private static final int CHUNK = 64 * 1024;
    /** The most octets gathered before they are passed on. */
    static final int BATCH = 32 * 1024;

    private final Connection connection;
    private long bytes;
    private byte[] pending;
    private int pendingLength;
    private int batchDepth;

    public ImapOutput(Connection connection) {
        this.connection = connection;
    }

    /** {@code * text}. */
    public void untagged(String text) {
        line("* " + text);
    }

    /** {@code tag text}. */
    public void tagged(String tag, String text) {
        line((tag == null ? "*" : tag) + " " + text);
    }

    /** {@code + text}: a command continuation request. */
    public void continuation(String text) {
        line(text.isEmpty() ? "+ " : "+ " + text);
    }

    /** One line; the CRLF is added. */
    public void line(String text) {
        raw(text + "\r\n");
    }

    /** Text as it is (parts of a response line). */
    public void raw(CharSequence text) {
        // While gathering, whether the connection is still open is asked when the batch is passed
        // on (push), not for every piece: a FETCH writes several per message.
        if (batchDepth == 0 && !connection.isOpen()) {
            return;
        }
        long length = utf8Length(text);
        bytes += length;
        if (batchDepth > 0 && length == text.length() && length <= BATCH) {
            room((int) length);
            for (int i = 0; i < length; i++) {
                pending[pendingLength++] = (byte) text.charAt(i); // ASCII: one octet per char
            }
            return;
        }
        push();
        if (connection.isOpen()) {
            connection.write(text);
        }
    }

    /** Octets as they are. */
    public void raw(byte[] data) {
        if (batchDepth == 0 && !connection.isOpen()) {
            return;
        }
        bytes += data.length;
        if (batchDepth > 0 && data.length <= BATCH / 4) {
            room(data.length);
            System.arraycopy(data, 0, pending, pendingLength, data.length);
            pendingLength += data.length;
            return;
        }
        push();
        if (connection.isOpen()) {
            connection.write(data);
        }
    }

    /**
     * Octets {@code [off, off + len)} of {@code data}, which the caller may reuse at once: they
     * are copied (into the batch buffer, or into an array of their own).
     */
    public void raw(byte[] data, int off, int len) {
        if (len <= 0 || batchDepth == 0 && !connection.isOpen()) {
            return;
        }
        if (batchDepth > 0 && len <= BATCH / 4) {
            bytes += len;
            room(len);
            System.arraycopy(data, off, pending, pendingLength, len);
            pendingLength += len;
            return;
        }
        raw(java.util.Arrays.copyOfRange(data, off, off + len));
    }

    /** Starts gathering writes (a command begins); batches nest. */
    public void startBatch() {
        batchDepth++;
    }

    /** Ends a batch; at the outermost end passes on what was gathered. */
    public void endBatch() {
        if (batchDepth > 0 && --batchDepth == 0) {
            push();
        }
    }

    /** Passes what was gathered to the connection (before it is flushed, closed or changes layers). */
    public void push() {
        if (pendingLength > 0) {
            byte[] out = java.util.Arrays.copyOf(pending, pendingLength);
            pendingLength = 0;
            if (connection.isOpen()) {
                connection.write(out);
            }
        }
    }

    /** Makes room for {@code n} more octets in the buffer, passing it on when full. */
    private void room(int n) {
        if (pending == null) {
            pending = new byte[BATCH];
        }
        if (pendingLength + n > pending.length) {
            push();
        }
    }

    /**
     * Streams exactly {@code length} octets from {@code in}; if the stream ends early the rest is
     * padded with spaces so that the literal announced stays intact.
     */
    public void stream(InputStream in, long length) throws IOException {
        long left = length;
        while (left > 0) {
            byte[] buffer = in.readNBytes((int) Math.min(CHUNK, left));
            if (buffer.length == 0) {
                byte[] pad = new byte[(int) Math.min(CHUNK, left)];
                java.util.Arrays.fill(pad, (byte) ' ');
                buffer = pad;
            }
            raw(buffer);
            left -= buffer.length;
        }
    }

    /** Sends what was written now. */
    public void flush() {
        push();
        if (connection.isOpen()) {
            connection.flush();
        }
    }

    /** Octets written so far. */
    public long bytes() {
        return bytes;
    }

    private static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
