package io.tegami.shell.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the one request line of an admin connection, bounded in size and in idle time.
 *
 * <p>Unix-domain channels have no socket read timeout, so the idle limit is kept with a selector;
 * the same selector lets {@link #cancel()} wake the read when the server shuts down.
 */
final class RequestReader {

    private final SocketChannel channel;
    private final int maxBytes;
    private final long idleMillis;
    private volatile boolean cancelled;
    private volatile Selector selector;
    private byte[] leftover = new byte[0];

    RequestReader(SocketChannel channel, int maxBytes, long idleMillis) {
        this.channel = channel;
        this.maxBytes = maxBytes;
        this.idleMillis = idleMillis;
    }

    /**
     * Reads up to the first '\n' (or the end of the stream, for clients that half-close instead).
     *
     * @return the line without its terminator, or null if the client sent nothing or the read was
     *         cancelled
     * @throws RequestException if the request is too long, not UTF-8, or the client went idle
     */
    String read() throws IOException, RequestException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        channel.configureBlocking(false);
        try (Selector s = Selector.open()) {
            selector = s;
            channel.register(s, SelectionKey.OP_READ);
            long idleNanos = idleMillis * 1_000_000L;
            long deadline = System.nanoTime() + idleNanos;
            while (!cancelled) {
                long remaining = (deadline - System.nanoTime()) / 1_000_000L;
                if (remaining <= 0) {
                    throw RequestException.idle();
                }
                if (s.select(remaining) == 0) {
                    continue; // timed out (checked above), or woken by cancel()
                }
                s.selectedKeys().clear();
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    return line.size() == 0 ? null : decode(line);
                }
                deadline = System.nanoTime() + idleNanos;
                buffer.flip();
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b == '\n') {
                        // Anything after the line belongs to the input frames (a client that sends
                        // them early); keep it for AdminInput rather than losing it.
                        leftover = new byte[buffer.remaining()];
                        buffer.get(leftover);
                        return decode(line);
                    }
                    if (line.size() == maxBytes) {
                        throw RequestException.tooLong(maxBytes);
                    }
                    line.write(b);
                }
            }
            return null;
        } finally {
            selector = null;
            // Closing the selector deregistered the channel, so it may block again for the answer.
            if (channel.isOpen()) {
                channel.configureBlocking(true);
            }
        }
    }

    /** Bytes the client sent after the request line, read along with it. */
    byte[] leftover() {
        return leftover;
    }

    /** Stops a read in progress from another thread; {@link #read()} then returns null. */
    void cancel() {
        cancelled = true;
        Selector s = selector;
        if (s != null) {
            s.wakeup();
        }
    }

    private static String decode(ByteArrayOutputStream bytes) throws RequestException {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            String line = chars.toString();
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (CharacterCodingException e) {
            throw RequestException.malformed("request is not valid UTF-8");
        }
    }
}
