package io.tegami.shell.ctl;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Sends one request over the admin socket and relays the answer's frames. */
final class AdminClient {

    /** Tegami could not be reached. */
    static final class CannotConnectException extends Exception {
        private static final long serialVersionUID = 1L;

        CannotConnectException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The server broke the protocol or went away before the exit frame. */
    static final class ProtocolException extends IOException {
        private static final long serialVersionUID = 1L;

        ProtocolException(String message) {
            super(message);
        }
    }

    private final Path socket;

    AdminClient(Path socket) {
        this.socket = socket;
    }

    /**
     * Runs a command line. Standard input is read from {@code in} only if the command asks for it.
     *
     * @return the command's exit status
     * @throws CannotConnectException if no server listens on the socket
     * @throws ProtocolException if the answer ends without an exit status
     */
    int call(String commandLine, InputStream in, OutputStream out, OutputStream err)
            throws CannotConnectException, IOException {
        try (SocketChannel channel = connect()) {
            send(channel, commandLine);
            return relay(new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel))),
                    () -> InputPump.start(in, channel), out, err);
        }
    }

    private SocketChannel connect() throws CannotConnectException {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            return channel;
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing more to do with a channel that never connected
                }
            }
            throw new CannotConnectException(e.getMessage(), e);
        }
    }

    private static void send(SocketChannel channel, String commandLine) throws IOException {
        ByteBuffer request = ByteBuffer.wrap((commandLine + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (request.hasRemaining()) {
                channel.write(request);
            }
        } catch (IOException e) {
            // The server stops reading a request it rejects (too long) and answers at once; the
            // answer is still waiting to be read, so go on and read it.
        }
    }

    private static int relay(DataInputStream in, Runnable startInput, OutputStream out, OutputStream err)
            throws IOException {
        boolean inputStarted = false;
        while (true) {
            AdminProtocol.Frame frame;
            try {
                frame = AdminProtocol.readFrame(in);
            } catch (IOException e) {
                throw new ProtocolException("bad answer from the server: " + e.getMessage());
            }
            if (frame == null) {
                throw new ProtocolException("connection closed before the command finished");
            }
            switch (frame.type()) {
                case AdminProtocol.STDOUT:
                    out.write(frame.payload());
                    out.flush();
                    break;
                case AdminProtocol.STDERR:
                    err.write(frame.payload());
                    err.flush();
                    break;
                case AdminProtocol.INPUT_REQUEST:
                    if (!inputStarted) {
                        inputStarted = true;
                        startInput.run();
                    }
                    break;
                default:
                    return frame.exitStatus();
            }
        }
    }
}
