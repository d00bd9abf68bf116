package io.tegami.shell.admin;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.tegami.shell.ctl.AdminProtocol;

/**
 * A command's standard input on the admin socket: the client's {@code 'I'} frames, asked for with
 * an {@code 'R'} frame the first time the command reads (see {@link AdminProtocol}).
 *
 * <p>Nothing is buffered beyond the bytes the command asks for: it reads the socket directly, so
 * a client sending a large message is held back by the socket until the command consumes it. The
 * channel is read with {@link SocketChannel#read} rather than through
 * {@code Channels.newInputStream}, whose reads take the lock that output frames written at the same
 * time need too.
 *
 * <p>An input that stops (the client died, or sent nothing for {@code inputIdleTimeout}) is an
 * {@link IOException} to the command, never a clean end: a {@code sendmail} must not queue half a
 * message. The idle limit works by shutting the socket's input down, which wakes the blocked read;
 * output frames can still go out to explain.
 */
final class AdminInput extends InputStream {

    private final SocketChannel channel;
    private final FrameSink sink;
    private final ScheduledExecutorService watchdog;
    private final long idleMillis;
    private final ByteBuffer early;
    private final ByteBuffer header = ByteBuffer.allocate(5);
    private int remaining;
    private boolean requested;
    private boolean ended;
    private volatile boolean idle;

    /**
     * @param early bytes of input frames that arrived with the request line
     */
    AdminInput(SocketChannel channel, FrameSink sink, ScheduledExecutorService watchdog, long idleMillis,
            byte[] early) {
        this.channel = channel;
        this.sink = sink;
        this.watchdog = watchdog;
        this.idleMillis = idleMillis;
        this.early = ByteBuffer.wrap(early);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (ended) {
            return -1;
        }
        if (!requested) {
            requested = true;
            sink.requestInput();
        }
        while (remaining == 0) {
            header.clear();
            fill(header);
            header.flip();
            int length = AdminProtocol.inputFrameLength(header.get(), header.getInt());
            if (length == 0) {
                ended = true;
                return -1;
            }
            remaining = length;
        }
        ByteBuffer target = ByteBuffer.wrap(b, off, Math.min(len, remaining));
        int n = readSome(target);
        remaining -= n;
        return n;
    }

    @Override
    public synchronized int available() {
        return Math.min(remaining, early.remaining());
    }

    /** Does nothing: the connection owns the socket (Gogo closes session streams when it ends). */
    @Override
    public void close() {
    }

    private void fill(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            readSome(buffer);
        }
    }

    /** Reads at least one byte into {@code buffer}, from the early bytes or the socket. */
    private int readSome(ByteBuffer buffer) throws IOException {
        if (early.hasRemaining()) {
            int n = Math.min(buffer.remaining(), early.remaining());
            ByteBuffer slice = early.slice();
            slice.limit(n);
            buffer.put(slice);
            early.position(early.position() + n);
            return n;
        }
        int n;
        ScheduledFuture<?> alarm = arm();
        try {
            n = channel.read(buffer);
        } finally {
            if (alarm != null) {
                alarm.cancel(false);
            }
        }
        if (n < 0) {
            throw idle ? new IOException("no input for " + (idleMillis < 1000 ? idleMillis + " ms"
                    : TimeUnit.MILLISECONDS.toSeconds(idleMillis) + " seconds"))
                    : new EOFException("standard input ended without its end marker (client gone)");
        }
        return n;
    }

    private ScheduledFuture<?> arm() {
        try {
            return watchdog.schedule(() -> {
                idle = true;
                try {
                    channel.shutdownInput();
                } catch (IOException e) {
                    // closed already: the read fails on its own
                }
            }, idleMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null; // the server is shutting down; the read still ends when the client does
        }
    }
}
