package io.tegami.pop3.maildrop;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import io.tegami.api.net.Connection;

/**
 * Sends one message as RETR and TOP do (RFC 1939 section 3): the store's CRLF text as it is,
 * with every line that begins with {@code .} byte-stuffed, and a final CRLF if the text lacks one.
 * TOP stops after the header, the empty line that ends it and the asked number of body lines. The
 * message is streamed in chunks (the connection blocks while the client reads slowly); it is
 * never held whole in memory. The terminating {@code .} line is the caller's.
 *
 * <p>Two of Dovecot's {@code pop3_client_workarounds} apply here, and only when configured:
 * {@code outlook-no-nuls} sends NUL bytes as 0x80, and {@code oe-ns-eoh} adds the empty line
 * that ends the header when a message has none.
 */
public final class MessageSender {

    static final int CHUNK = 16 * 1024;

    private final Connection out;
    private final boolean noNuls;
    private final boolean addEndOfHeader;
    private byte[] buffer = new byte[CHUNK];
    private int used;
    private long sent;

    /**
     * @param noNuls the {@code outlook-no-nuls} workaround
     * @param addEndOfHeader the {@code oe-ns-eoh} workaround
     */
    public MessageSender(Connection out, boolean noNuls, boolean addEndOfHeader) {
        this.out = out;
        this.noNuls = noNuls;
        this.addEndOfHeader = addEndOfHeader;
    }

    /**
     * Sends a message.
     *
     * @param in the message (CRLF line endings); read up to where it is needed, not closed here
     * @param bodyLines how many body lines to send (TOP), or a negative number for all (RETR)
     * @return the bytes sent, stuffing included
     * @throws IOException if the message cannot be read; part of it may have been sent
     */
    public long send(InputStream in, long bodyLines) throws IOException {
        byte[] chunk = new byte[8192];
        boolean lineStart = true;
        boolean lineEmpty = true;
        boolean inBody = false;
        long remaining = bodyLines;
        int last = -1;
        boolean done = false;
        int n;
        while (!done && (n = in.read(chunk)) > 0) {
            for (int i = 0; i < n && !done; i++) {
                byte b = chunk[i];
                if (lineStart && b == '.') {
                    put((byte) '.');
                }
                if (b == 0 && noNuls) {
                    b = (byte) 0x80;
                }
                put(b);
                last = b;
                if (b == '\n') {
                    if (!inBody) {
                        inBody = lineEmpty;
                        done = inBody && remaining == 0;
                    } else if (remaining > 0) {
                        done = --remaining == 0;
                    }
                    lineStart = true;
                    lineEmpty = true;
                } else {
                    lineStart = false;
                    lineEmpty &= b == '\r';
                }
            }
        }
        if (last != -1 && last != '\n') {
            put((byte) '\r');
            put((byte) '\n');
        }
        if (!inBody && addEndOfHeader) {
            put((byte) '\r');
            put((byte) '\n');
        }
        drain();
        return sent;
    }

    private void put(byte b) {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = b;
    }

    private void drain() {
        if (used > 0) {
            // The connection keeps the array until it is sent: hand it over and start a new one.
            out.write(used == buffer.length ? buffer : Arrays.copyOf(buffer, used));
            sent += used;
            buffer = new byte[CHUNK];
            used = 0;
        }
    }
}
