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
 *     'R'  (empty) the command reads its standard input: the client starts sending it
 *     'X'  the exit status as an int32 (payload length 4); always the last frame:
 *          0 the command succeeded, 1 it failed (its message came in an 'E' frame)
 *
 * client -&gt; server   after an 'R' frame only, the client's standard input as frames of the same
 *                     shape, while it keeps reading the server's frames:
 *
 *     'I'  bytes of standard input; an empty 'I' frame is the end of the input
 * </pre>
 * Standard input is sent on demand, so that {@code tegami-ctl mailq} never touches the terminal
 * while {@code echo ... | tegami-ctl sendmail bob} streams the message: the server reads input
 * frames only as fast as the command consumes them, which is the back-pressure that keeps a large
 * message out of memory. Input that ends without the empty 'I' frame (the client died) is an error
 * to the command, never a short message. A request that is too long or not UTF-8 is answered with
 * an 'E' frame and {@code X 1}; a client that sends nothing for a while is disconnected without an
 * answer.
 */
public final class AdminProtocol {

    /** The longest request the server accepts, not counting its '\n'. */
    public static final int MAX_REQUEST_BYTES = 64 * 1024;

    /** Output is split into frames of at most this many bytes; a client refuses anything longer. */
    public static final int MAX_FRAME_PAYLOAD = 64 * 1024;

    public static final byte STDOUT = 'O';
    public static final byte STDERR = 'E';
    public static final byte EXIT = 'X';
    /** Server to client: the command wants standard input (empty payload). */
    public static final byte INPUT_REQUEST = 'R';
    /** Client to server: standard input bytes; an empty one ends the input. */
    public static final byte STDIN = 'I';

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

    /** Writes the frame that asks the client for its standard input. */
    public static void writeInputRequest(OutputStream out) throws IOException {
        out.write(new byte[] {INPUT_REQUEST, 0, 0, 0, 0});
        out.flush();
    }

    /** A frame header ({@code type} and payload {@code length}) as bytes, for channel writes. */
    public static byte[] header(byte type, int length) {
        byte[] b = new byte[5];
        b[0] = type;
        putInt(b, 1, length);
        return b;
    }

    /**
     * Checks a frame header read by the server from the client: only {@link #STDIN} frames.
     *
     * @return the payload length, 0 for the end of input
     * @throws IOException if it is not a valid input frame
     */
    public static int inputFrameLength(byte type, int length) throws IOException {
        if (type != STDIN) {
            throw new IOException("unexpected frame type " + type + " from the client");
        }
        if (length < 0 || length > MAX_FRAME_PAYLOAD) {
            throw new IOException("bad input frame length " + length);
        }
        return length;
    }

    /**
     * Reads one frame sent by the server.
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
        if (type != STDOUT && type != STDERR && type != EXIT && type != INPUT_REQUEST) {
            throw new IOException("unknown frame type " + type);
        }
        if (length < 0 || length > MAX_FRAME_PAYLOAD || (type == EXIT && length != 4)
                || (type == INPUT_REQUEST && length != 0)) {
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
