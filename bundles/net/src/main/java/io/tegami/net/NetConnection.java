package io.tegami.net;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

import javax.net.ssl.SSLSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.tegami.api.net.Connection;
import io.tegami.api.net.ListenerInfo;

/**
 * The {@link Connection} a session talks to. Its methods run on the session thread (but
 * {@link #execute}); output goes through the session handler's context, so Netty hands it to the
 * event loop in call order.
 *
 * <p>Writes only queue; the session handler flushes after each input batch, after start, idle
 * and shutdown. When the client reads slower than the session writes (the channel stops being
 * writable), {@code write} blocks the session thread until that output has left, so a huge
 * response to a slow reader never piles up in memory.
 */
final class NetConnection implements Connection {

    private static final Logger LOG = LoggerFactory.getLogger(NetConnection.class);

    private final ChannelHandlerContext ctx;
    private final Channel channel;
    private final SessionHandler owner;
    private final ListenerInfo info;
    private final LineDecoder decoder;
    private final long writeTimeoutMillis;
    private final String id;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private volatile boolean open = true;
    private volatile SSLSession tlsSession;
    /** The codec of {@link #startCompression}, once asked for (session thread only). */
    private DeflateCodec compression;

    NetConnection(ChannelHandlerContext ctx, SessionHandler owner, ListenerInfo info, LineDecoder decoder,
            long writeTimeoutMillis) {
        this.ctx = ctx;
        this.channel = ctx.channel();
        this.owner = owner;
        this.info = info;
        this.decoder = decoder;
        this.writeTimeoutMillis = writeTimeoutMillis;
        this.id = channel.id().asShortText();
        this.remote = inet(channel.remoteAddress());
        this.local = inet(channel.localAddress());
    }

    private static InetSocketAddress inet(SocketAddress address) {
        // Always an InetSocketAddress on a TCP channel; tolerant for in-memory test channels.
        return address instanceof InetSocketAddress a ? a : new InetSocketAddress(0);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public ListenerInfo listener() {
        return info;
    }

    @Override
    public int clientConnectionCount() {
        return owner.clientConnectionCount();
    }

    @Override
    public boolean isSecure() {
        return tlsSession != null;
    }

    @Override
    public Optional<SSLSession> tlsSession() {
        return Optional.ofNullable(tlsSession);
    }

    @Override
    public boolean canStartTls() {
        return open && !isSecure() && owner.canStartTls();
    }

    @Override
    public void startTls() {
        if (!canStartTls()) {
            throw new IllegalStateException("TLS cannot be started on connection " + id);
        }
        owner.startTls();
    }

    @Override
    public void write(CharSequence text) {
        if (open) {
            send(ByteBufUtil.writeUtf8(channel.alloc(), text));
        }
    }

    @Override
    public void write(byte[] bytes) {
        if (open) {
            send(Unpooled.wrappedBuffer(bytes));
        }
    }

    private void send(ByteBuf buf) {
        // A promise of the channel (event loop), not of the context (session executor): waiting
        // on it from the session thread is then legal.
        ChannelPromise done = channel.newPromise();
        ctx.write(buf, done);
        if (!channel.isWritable()) {
            ctx.flush();
            if (!done.awaitUninterruptibly(writeTimeoutMillis)) {
                LOG.info("{} {}: client does not read its output; closing", id, remote);
                closeNow();
            }
        }
    }

    @Override
    public void flush() {
        if (channel.isActive()) {
            ctx.flush();
        }
    }

    @Override
    public void startCompression(int level) {
        if (!isOpen() || compression != null) {
            throw new IllegalStateException("compression cannot be started on connection " + id);
        }
        compression = new DeflateCodec(level);
        owner.discardRestOfBatch();
        DeflateCodec.insert(channel, compression);
    }

    @Override
    public boolean isCompressed() {
        return compression != null;
    }

    @Override
    public boolean execute(Runnable task) {
        if (!isOpen()) {
            return false;
        }
        try {
            // The session handler's executor: the connection's own ordered view of the session pool.
            ctx.executor().execute(() -> owner.runTask(task));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    @Override
    public boolean executeAfter(Duration delay, Runnable task) {
        return isOpen() && owner.executeAfter(Objects.requireNonNull(delay, "delay"), Objects.requireNonNull(task, "task"));
    }

    @Override
    public void setMaxLineLength(int bytes) {
        decoder.setMaxLineLength(bytes);
    }

    @Override
    public void readBytes(long count) {
        decoder.readBytes(count);
    }

    @Override
    public byte[] pendingInput(int max) {
        return owner.pendingInput(max);
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            // Closes once everything written before has left (and, with TLS, after close_notify).
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER, channel.newPromise()).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public boolean isOpen() {
        return open && channel.isActive();
    }

    /** Closes without waiting for queued output (a client that never reads, a failed handshake). */
    void closeNow() {
        open = false;
        channel.close();
    }

    /** Runs {@code action} (on an event loop) once the channel has closed; at once if it has. */
    void whenClosed(Runnable action) {
        channel.closeFuture().addListener(f -> action.run());
    }

    /** Asks the session to say its protocol's goodbye and close, from any thread (doveadm kick). */
    void requestShutdown() {
        owner.requestShutdown();
    }

    void markClosed() {
        open = false;
    }

    void secured(SSLSession session) {
        this.tlsSession = session;
    }

    @Override
    public String toString() {
        return id + " " + remote;
    }
}
