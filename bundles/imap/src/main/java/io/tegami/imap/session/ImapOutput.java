package io.tegami.imap.session;

import java.io.IOException;
import java.io.InputStream;

import io.tegami.api.net.Connection;

/**
 * What the session writes, counted for Dovecot's {@code out=} log field. Lines get their CRLF
 * here; message content is streamed in chunks so that a large FETCH never sits in memory.
 */
public final class ImapOutput {

    private static final int CHUNK = 64 * 1024;

    private final Connection connection;
    private long bytes;

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
        if (!connection.isOpen()) {
            return;
        }
        bytes += utf8Length(text);
        connection.write(text);
    }

    /** Octets as they are. */
    public void raw(byte[] data) {
        if (!connection.isOpen()) {
            return;
        }
        bytes += data.length;
        connection.write(data);
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
