package io.tegami.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.net.ssl.SSLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.tegami.api.net.Line;
import io.tegami.api.net.ListenerInfo;
import io.tegami.api.net.ProtocolHandler;
import io.tegami.api.net.ProtocolSession;
import io.tegami.api.tls.TlsProvider;

/**
 * Drives one {@link ProtocolSession}. It sits last in the pipeline on the session executor, so
 * every method here, and so every session callback, runs on the connection's session thread:
 * one at a time, in order, never on an event loop.
 *
 * <p>The channel does not read on its own (autoRead off): the next read is requested only after
 * a batch of input has been decoded and handed to the session, and the session's output has
 * been flushed. A client sending faster than the session works therefore waits in TCP.
 */
final class SessionHandler extends ChannelInboundHandlerAdapter implements LineDecoder.Sink {

    private enum State { NEW, READY, TLS_PENDING, CLOSED }

    private static final Logger LOG = LoggerFactory.getLogger(SessionHandler.class);

    private final Channel channel;
    private final ProtocolHandler handler;
    private final ListenerInfo info;
    private final Supplier<TlsProvider> tls;
    private final SessionRegistry registry;
    /** Kept from the start: a closed channel may no longer know its peer, and the registry needs it then. */
    private final InetAddress clientIp;
    private final long idleNanos;
    private final LineDecoder decoder;
    private final InputHold hold = new InputHold(); // while Connection.executeAfter tasks are pending
    private final RecordDeadline deadline; // the listener's record_deadline: slowloris defence

    private ChannelHandlerContext ctx;
    private NetConnection connection;
    private ProtocolSession session;
    private SslHandler ssl;
    private State state = State.NEW;
    private boolean closedNotified;
    /** The rest of the current input batch predates compression and is dropped, as after STARTTLS. */
    private boolean discardBatch;
    /** The input buffer being decoded during a callback, for pendingInput(); null between reads. */
    private ByteBuf currentInput;
    /** The listener is full: the handler says it is busy and the connection closes, without a session. */
    private volatile boolean refused;
    private long lastWorkNanos = System.nanoTime();

    /**
     * @param registry the listener's sessions, for the per-client count; null outside a listener
     */
    SessionHandler(Channel channel, ProtocolHandler handler, ListenerSettings settings, Supplier<TlsProvider> tls,
            SessionRegistry registry) {
        this.channel = channel;
        this.handler = handler;
        this.info = settings.info();
        this.tls = tls;
        this.registry = registry;
        this.clientIp = channel.remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
        this.idleNanos = TimeUnit.SECONDS.toNanos(settings.idleSeconds());
        this.decoder = new LineDecoder(settings.maxLineLength());
        this.deadline = new RecordDeadline(TimeUnit.SECONDS.toNanos(settings.recordDeadlineSeconds()));
    }

    Channel channel() {
        return channel;
    }

    ProtocolHandler handler() {
        return handler;
    }
    ProtocolSession session() { return session; } // on the session thread: SessionDrain

    String protocol() {
        return info.protocol();
    }

    /** The client's IP address, or null for a channel without one. */
    InetAddress clientIp() {
        return clientIp;
    }

    /** Connection.clientConnectionCount(): this listener's live sessions from the same client. */
    int clientConnectionCount() {
        return registry == null ? 1 : Math.max(1, registry.fromClient(clientIp()));
    }

    /** Marks the connection as refused (the listener is full); call before it becomes active. */
    void refuse() {
        refused = true;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        // A client that stops reading our output gets the idle timeout (at least a minute) to resume.
        long writeTimeout = Math.max(TimeUnit.MINUTES.toNanos(1), idleNanos);
        this.connection = new NetConnection(ctx, this, info, decoder, TimeUnit.NANOSECONDS.toMillis(writeTimeout));
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (state == State.CLOSED) {
            return; // shut down before it started
        }
        if (refused) {
            // The protocol's "too busy" reply, flushed, then the close; input is never read.
            invoke("refuse", () -> handler.refuse(connection));
            connection.close();
            return;
        }
        if (!invoke("newSession", () -> session = Objects.requireNonNull(handler.newSession(connection), "session"))) {
            return;
        }
        if (info.tlsMode() != ListenerInfo.TlsMode.IMPLICIT) {
            begin();
            return;
        }
        TlsProvider provider = tls.get();
        if (provider == null) {
            LOG.warn("{}: refusing connection from {} on {}: implicit TLS needs a TlsProvider and there is none",
                    connection.id(), connection.remoteAddress(), info.name());
            connection.closeNow();
            return;
        }
        invoke("TLS setup", () -> insertTls(TlsHandlers.server(provider, info))); // start() follows the handshake
    }

    private void begin() {
        state = State.READY;
        deadline.delivered();
        invoke("start", session::start);
        afterWork();
    }

    private void insertTls(SslHandler handler) {
        ssl = handler;
        TlsHandlers.insertFirst(channel, handler);
    }

    boolean canStartTls() {
        return state == State.READY && info.tlsMode() == ListenerInfo.TlsMode.STARTTLS && tls.get() != null;
    }

    /** Connection.startTls(), on the session thread, during a session callback. */
    void startTls() {
        TlsProvider provider = tls.get();
        if (provider == null) {
            throw new IllegalStateException("no TlsProvider");
        }
        SslHandler handler = TlsHandlers.server(provider, info);
        // From here until the handshake completes, input is dropped: whatever the client
        // pipelined after STARTTLS came in clear and must not be obeyed (RFC 3207, CVE-2011-0411).
        state = State.TLS_PENDING;
        decoder.reset();
        ctx.flush();
        insertTls(handler);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (state == State.READY && msg instanceof ByteBuf in) {
                currentInput = in;
                decoder.feed(in, this);
                if (hold.active() && !discardBatch && connection.isOpen()) {
                    hold.keep(in, ctx.alloc()); // for after the delayed task
                } else {
                    deadline.partial(decoder.hasPartial(), channel.eventLoop(), ctx.executor(), () -> idle(true));
                }
            }
        } finally {
            currentInput = null;
            ReferenceCountUtil.release(msg);
        }
    }

    /** Connection.pendingInput(): what is left of the buffer being decoded, not consumed. */
    byte[] pendingInput(int max) {
        ByteBuf in = currentInput;
        if (in == null || !in.isReadable() || !accepting() || max <= 0) {
            return new byte[0];
        }
        byte[] bytes = new byte[Math.min(max, in.readableBytes())];
        in.getBytes(in.readerIndex(), bytes);
        return bytes;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        afterWork();
    }

    /** The end of a batch: deliver a pending zero-length count, flush replies, ask for more input. */
    private void afterWork() {
        if (state == State.CLOSED) {
            return;
        }
        if (state == State.READY && decoder.isCounting()) {
            decoder.feed(Unpooled.EMPTY_BUFFER, this);
        }
        ctx.flush();
        lastWorkNanos = System.nanoTime();
        discardBatch = false;
        if (connection.isOpen() && !hold.hasInput()) {
            ctx.read(); // while held, one read may fill the hold; more waits in TCP
        }
    }

    @Override
    public boolean accepting() {
        return state == State.READY && !discardBatch && !hold.active() && connection.isOpen();
    }

    /**
     * Drops the rest of the current input batch: it came before compression started (a client
     * must wait for the go-ahead, RFC 4978 section 3), like input pipelined after STARTTLS.
     */
    void discardRestOfBatch() {
        decoder.reset();
        discardBatch = true;
    }

    /** Connection.executeAfter(): input is held until the task has run on the session thread. */
    boolean executeAfter(Duration delay, Runnable task) {
        return hold.schedule(channel, ctx.executor(), delay, () -> resume(task));
    }

    /** A delayed task's time has come: run it, then, if nothing else holds input, resume reading. */
    private void resume(Runnable task) {
        boolean last = hold.release();
        ByteBuf held = last ? hold.takeInput() : null;
        currentInput = held; // a task may look at what the client sent meanwhile (pre-greet)
        runTask(task);
        if (held != null) {
            channelRead(ctx, held); // which clears currentInput again
        }
        if (last && state != State.NEW) {
            afterWork();
        }
    }

    /** Runs a task given to Connection.execute(), on the session thread, like a callback. */
    void runTask(Runnable task) {
        if (state != State.CLOSED && session != null && connection.isOpen()) {
            invoke("task", task);
            ctx.flush();
        }
    }

    @Override
    public void line(Line line) {
        deadline.delivered();
        invoke("lineReceived", () -> session.lineReceived(line));
    }

    @Override
    public void bytes(ByteBuffer chunk, boolean last) {
        deadline.delivered();
        invoke("bytesReceived", () -> session.bytesReceived(chunk, last));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent done) {
            handshakeDone(done);
        } else if (evt instanceof IdleStateEvent) {
            idle(false);
        }
        ReferenceCountUtil.release(evt);
    }

    private void handshakeDone(SslHandshakeCompletionEvent done) {
        if (state == State.CLOSED || session == null) {
            return;
        }
        if (done.isSuccess()) {
            connection.secured(ssl.engine().getSession());
            if (state == State.NEW) {
                begin();
            } else if (state == State.TLS_PENDING) {
                state = State.READY;
                decoder.reset();
                invoke("tlsStarted", session::tlsStarted);
                afterWork();
            }
            return;
        }
        LOG.info("{}: TLS handshake with {} failed: {}", connection.id(), connection.remoteAddress(), done.cause().toString());
        if (state == State.TLS_PENDING) {
            Exception cause = done.cause() instanceof Exception e ? e : new SSLException(done.cause());
            invoke("tlsFailed", () -> session.tlsFailed(cause));
        }
        connection.closeNow();
    }

    /** The idle timeout, or with {@code deadline} the record deadline (a line trickling in too slowly). */
    private void idle(boolean deadline) {
        if (state == State.CLOSED) {
            return;
        }
        if (state != State.READY || !connection.isOpen()) {
            connection.closeNow(); // a stalled handshake, or a close waiting on a client that does not read
            return;
        }
        if (hold.active() || !deadline && System.nanoTime() - lastWorkNanos < idleNanos / 2) {
            // The session itself was busy for most of the period (no read was requested while it
            // worked): the client is not idle. The handler fires again after another period.
            return;
        }
        invoke("idle", session::idle);
        ctx.flush();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        state = State.CLOSED;
        hold.discard();
        if (connection != null) {
            connection.markClosed();
        }
        if (session != null && !closedNotified) {
            closedNotified = true;
            invoke("closed", session::closed);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ConnectionErrors.log(connection == null ? channel.toString() : connection.toString(), cause);
        channel.close();
    }

    /**
     * Asks the session to say goodbye (its handler is going away), from any thread; the
     * connection is closed once the goodbye has been written.
     */
    void requestShutdown() {
        ChannelHandlerContext c = channel.pipeline().context(this);
        try {
            if (c != null) {
                c.executor().execute(this::shutdownNow);
                return;
            }
        } catch (RejectedExecutionException e) { // the session threads are stopping: close at once
        }
        channel.close();
    }

    private void shutdownNow() {
        if (state == State.READY && connection.isOpen()) {
            invoke("shutdown", session::shutdown);
            connection.close(); // in case the session did not: the handler is leaving
            return;
        }
        if (session == null) {
            state = State.CLOSED; // not started yet: it never will be
        }
        connection.closeNow();
    }

    /** Runs a session callback; an exception is logged and ends the connection, never reaching the client. */
    private boolean invoke(String what, Runnable callback) {
        try {
            callback.run();
            return true;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            LOG.warn("{}: {} failed in protocol {}; closing the connection", connection, what, info.protocol(), t);
            connection.close();
            return false;
        }
    }
}
