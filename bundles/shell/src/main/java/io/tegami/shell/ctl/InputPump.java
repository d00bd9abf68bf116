package io.tegami.shell.ctl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Sends the client's standard input to the server as {@link AdminProtocol#STDIN} frames, ending
 * with an empty one, once the server asked for it ({@link AdminProtocol#INPUT_REQUEST}).
 *
 * <p>Runs on its own daemon thread while the main thread keeps relaying the command's output, so
 * that a command may read and write at the same time. It writes with {@link SocketChannel#write}
 * directly: a stream from {@code Channels.newOutputStream} would wait for the lock that the main
 * thread's blocked read holds. When the server has finished (or gone), writing fails and the pump
 * simply stops; the exit frame, already on its way, is what ends the client.
 */
final class InputPump implements Runnable {

    private final InputStream in;
    private final SocketChannel channel;

    InputPump(InputStream in, SocketChannel channel) {
        this.in = in;
        this.channel = channel;
    }

    /** Starts pumping on a daemon thread (it never keeps the client's JVM alive). */
    static void start(InputStream in, SocketChannel channel) {
        Thread t = new Thread(new InputPump(in, channel), "tegami-ctl-stdin");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        byte[] buffer = new byte[AdminProtocol.MAX_FRAME_PAYLOAD];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0) {
                    write(AdminProtocol.header(AdminProtocol.STDIN, n), buffer, n);
                }
            }
            write(AdminProtocol.header(AdminProtocol.STDIN, 0), buffer, 0);
        } catch (IOException e) {
            // The server stopped reading (the command ended) or our own stdin failed: in the latter
            // case no end frame is sent, and the server treats the input as broken, not as short.
        }
    }

    private void write(byte[] header, byte[] payload, int length) throws IOException {
        ByteBuffer[] frame = {ByteBuffer.wrap(header), ByteBuffer.wrap(payload, 0, length)};
        while (frame[1].hasRemaining() || frame[0].hasRemaining()) {
            channel.write(frame);
        }
    }
}
