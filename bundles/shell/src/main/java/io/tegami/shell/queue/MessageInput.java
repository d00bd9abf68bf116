package io.tegami.shell.queue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A message on sendmail's standard input, line by line: {@code CR LF} becomes {@code LF} (the
 * queue stores Unix line ends), and a line holding a single dot ends the message unless
 * {@code -i}/{@code -oi} was given, as with Postfix's sendmail. Lines longer than the caller's
 * limit come in pieces, so that no line is ever held whole.
 */
final class MessageInput {

    /**
     * A line, or a piece of a long one.
     *
     * @param bytes the bytes, without the line end
     * @param complete true if the line end follows (false: a piece of a longer line, or the last
     *        line of input without a line end)
     * @param lineStart true if this piece starts a line
     */
    record Line(byte[] bytes, boolean complete, boolean lineStart) {
        boolean isEmpty() {
            return bytes.length == 0 && complete;
        }
    }

    private final InputStream in;
    private final boolean ignoreDots;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private int lookahead = -2;
    private boolean lineStart = true;
    private boolean ended;

    /** @param in a buffered stream: it is read one byte at a time */
    MessageInput(InputStream in, boolean ignoreDots) {
        this.in = in;
        this.ignoreDots = ignoreDots;
    }

    /** True once the input has ended: the last line returned was the last one. */
    boolean atEnd() {
        return ended;
    }

    /** The next line or piece of at most {@code max} bytes, or null at the end of the message. */
    Line next(int max) throws IOException {
        if (ended) {
            return null;
        }
        buffer.reset();
        boolean start = lineStart;
        while (true) {
            int b = read();
            if (b == -1) {
                ended = true;
                if (buffer.size() == 0 && start) {
                    return null;
                }
                lineStart = true;
                return new Line(buffer.toByteArray(), false, start);
            }
            if (b == '\r') {
                int next = read();
                if (next == '\n') {
                    b = '\n'; // CR LF: a line end
                } else {
                    lookahead = next; // a lone CR is content
                }
            }
            if (b == '\n') {
                lineStart = true;
                if (start && !ignoreDots && buffer.size() == 1 && buffer.toByteArray()[0] == '.') {
                    ended = true;
                    return null;
                }
                return new Line(buffer.toByteArray(), true, start);
            }
            buffer.write(b);
            if (buffer.size() >= max) {
                lineStart = false;
                return new Line(buffer.toByteArray(), false, start);
            }
        }
    }

    private int read() throws IOException {
        if (lookahead != -2) {
            int b = lookahead;
            lookahead = -2;
            return b;
        }
        return in.read();
    }
}
