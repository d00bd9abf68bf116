package io.tegami.imap;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.tegami.api.net.Line;
import io.tegami.api.net.ProtocolSession;
import io.tegami.api.net.testing.FakeConnection;

/**
 * Drives one session the way the net layer does: client octets are cut into lines (in pieces
 * when longer than the connection's line length), and into counted chunks while the session
 * waits for a literal; {@code closed()} follows once the session closed the connection.
 */
final class ImapClient {

    final FakeConnection connection;
    final ProtocolSession session;
    final String greeting;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private boolean closedDelivered;
    /** Deliver counted octets in chunks of this size, to test awkward boundaries. */
    int chunkSize = Integer.MAX_VALUE;

    ImapClient(ImapProtocolHandler handler, FakeConnection connection) {
        this.connection = connection;
        this.session = handler.newSession(connection);
        session.start();
        this.greeting = connection.take();
    }

    /** Sends raw client octets; returns what the server wrote meanwhile. */
    String send(String text) {
        feed(text.getBytes(StandardCharsets.UTF_8));
        return connection.take();
    }

    /** Sends one line (CRLF added); returns the responses. */
    String command(String line) {
        return send(line + "\r\n");
    }

    /** Sends a command and checks that its tagged response is OK. */
    String expectOk(String line) {
        String out = command(line);
        String tag = line.substring(0, line.indexOf(' '));
        assertTrue(out.contains(tag + " OK"), () -> "expected OK for " + line + " but got:\n" + out);
        return out;
    }

    void feed(byte[] data) {
        int i = 0;
        while (i < data.length && !closedDelivered) {
            long counting = connection.counting();
            if (counting > 0) {
                int n = (int) Math.min(Math.min(counting, data.length - i), chunkSize);
                boolean last = n == counting;
                connection.delivered(n);
                session.bytesReceived(ByteBuffer.wrap(Arrays.copyOfRange(data, i, i + n)), last);
                i += n;
            } else if (counting == 0) {
                connection.delivered(0);
                session.bytesReceived(ByteBuffer.allocate(0), true);
            } else {
                int lf = indexOf(data, (byte) '\n', i);
                int max = connection.maxLineLength();
                if (lf < 0) {
                    partial.write(data, i, data.length - i);
                    i = data.length;
                    while (partial.size() > max) {
                        byte[] p = partial.toByteArray();
                        line(Arrays.copyOf(p, max), Line.Ending.NONE);
                        partial.reset();
                        partial.write(p, max, p.length - max);
                    }
                    break;
                }
                partial.write(data, i, lf - i);
                i = lf + 1;
                byte[] p = partial.toByteArray();
                partial.reset();
                boolean crlf = p.length > 0 && p[p.length - 1] == '\r';
                byte[] body = crlf ? Arrays.copyOf(p, p.length - 1) : p;
                int off = 0;
                while (body.length - off > max) {
                    line(Arrays.copyOfRange(body, off, off + max), Line.Ending.NONE);
                    off += max;
                }
                line(Arrays.copyOfRange(body, off, body.length), crlf ? Line.Ending.CRLF : Line.Ending.LF);
            }
            checkClosed();
        }
        if (connection.counting() == 0) {
            connection.delivered(0);
            session.bytesReceived(ByteBuffer.allocate(0), true);
            checkClosed();
        }
    }

    private void line(byte[] bytes, Line.Ending ending) {
        if (!closedDelivered) {
            session.lineReceived(new Line(bytes, ending));
        }
    }

    private void checkClosed() {
        if (!connection.isOpen() && !closedDelivered) {
            closedDelivered = true;
            session.closed();
        }
    }

    /** The client goes away (TCP reset). */
    void disconnect() {
        connection.close();
        checkClosed();
    }

    boolean isClosed() {
        return closedDelivered;
    }

    /** Runs the tasks the session handed to its connection (IDLE); returns what they wrote. */
    String runTasks() {
        connection.runTasks();
        return connection.take();
    }

    /** Waits for asynchronous output (IDLE) containing {@code text}; returns everything new. */
    String await(String text, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        StringBuilder seen = new StringBuilder();
        while (System.currentTimeMillis() < end) {
            connection.runTasks(); // what the net layer runs on the session thread
            seen.append(connection.take());
            if (seen.indexOf(text) >= 0) {
                return seen.toString();
            }
            Thread.sleep(10);
        }
        fail("no '" + text + "' within " + millis + " ms; got:\n" + seen);
        return null;
    }

    private static int indexOf(byte[] data, byte b, int from) {
        for (int k = from; k < data.length; k++) {
            if (data[k] == b) {
                return k;
            }
        }
        return -1;
    }
}
