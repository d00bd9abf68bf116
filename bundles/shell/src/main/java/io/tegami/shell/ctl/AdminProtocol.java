package io.tegami.shell.ctl;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The admin socket's wire protocol, shared by the server inside the shell bundle and by
 * {@code bin/tegami-ctl} on the plain class path (so this class uses the JDK only).
 *
 * <p>One connection carries one command:
 * <pre>
 * client -&gt; server   the command line in UTF-8, ended by '\n' (at most {@value #MAX_REQUEST_BYTES}
 *                     bytes before it); the client quotes arguments so Gogo parses them back exactly
 * server -&gt; client   frames, as the command produces output, then the server closes:
 *
 *     +------+------------------------+-----------------+
 *     | type | payload length (int32, | payload         |
 *     | 1 B  | big-endian)            | length bytes    |
 *     +------+------------------------+-----------------+
 *
 *     'O'  bytes for standard output
 *     'E'  bytes for standard error
 *     'X'  the exit status as an int32 (payload length 4); always the last frame:
 *          0 the command succeeded, 1 it failed (its message came in an 'E' frame)
 * </pre>
 * A request that is too long or not UTF-8 is answered with an 'E' frame and {@code X 1}; a client
 * that sends nothing for a while is disconnected without an answer.
 */
public final class AdminProtocol {

    /** The longest request the server accepts, not counting its '\n'. */
    public static final int MAX_REQUEST_BYTES = 64 * 1024;

    /** Output is split into frames of at most this many bytes; a client refuses anything longer. */
    public static final int MAX_FRAME_PAYLOAD = 64 * 1024;

    public static final byte STDOUT = 'O';
    public static final byte STDERR = 'E';
    public static final byte EXIT = 'X';

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;

    /** Where the socket is relative to Tegami's home: the default of {@code admin_socket}. */
    public static final Path DEFAULT_SOCKET = Path.of("data", "private", "admin.sock");

    private AdminProtocol() {
    }

    /** A frame as read from the wire. */
    public record Frame(byte type, byte[] payload) {

        /** The status carried by an {@link #EXIT} frame. */
        public int exitStatus() throws IOException {
            if (type != EXIT || payload.length != 4) {
                throw new IOException("not an exit frame");
            }
            return ((payload[0] & 0xff) << 24) | ((payload[1] & 0xff) << 16)
                    | ((payload[2] & 0xff) << 8) | (payload[3] & 0xff);
        }
    }

    /**
     * Writes bytes as one or more frames of a type. Each frame goes out in a single write so that
     * output reaches the client while the command is still running.
     */
    public static void writeFrames(OutputStream out, byte type, byte[] bytes, int off, int len)
            throws IOException {
        do {
            int chunk = Math.min(len, MAX_FRAME_PAYLOAD);
            byte[] frame = new byte[5 + chunk];
            frame[0] = type;
            putInt(frame, 1, chunk);
            System.arraycopy(bytes, off, frame, 5, chunk);
            out.write(frame);
            off += chunk;
            len -= chunk;
        } while (len > 0);
        out.flush();
    }

    /** Writes the final frame. */
    public static void writeExit(OutputStream out, int status) throws IOException {
        byte[] frame = new byte[9];
        frame[0] = EXIT;
        putInt(frame, 1, 4);
        putInt(frame, 5, status);
        out.write(frame);
        out.flush();
    }

    /**
     * Reads one frame.
     *
     * @return the frame, or null if the stream ended cleanly before it
     * @throws IOException on a truncated or malformed frame
     */
    public static Frame readFrame(DataInputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            throw new IOException("truncated frame");
        }
        if (type != STDOUT && type != STDERR && type != EXIT) {
            throw new IOException("unknown frame type " + type);
        }
        if (length < 0 || length > MAX_FRAME_PAYLOAD || (type == EXIT && length != 4)) {
            throw new IOException("bad frame length " + length);
        }
        byte[] payload = new byte[length];
        try {
            in.readFully(payload);
        } catch (EOFException e) {
            throw new IOException("truncated frame");
        }
        return new Frame((byte) type, payload);
    }

    private static void putInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }
}
