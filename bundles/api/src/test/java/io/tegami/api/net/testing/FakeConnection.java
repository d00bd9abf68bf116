package io.tegami.api.net.testing;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.net.ssl.SSLSession;

import io.tegami.api.net.Connection;
import io.tegami.api.net.ListenerInfo;

/**
 * A {@link Connection} for driving a {@link io.tegami.api.net.ProtocolSession} without sockets: it
 * records what the session writes (as bytes, from any thread, so that asynchronous output such as
 * IMAP IDLE notifications is caught too) and what it asks of the net layer (STARTTLS, flushes,
 * the line length, counted input). Unlike the real connection it refuses writes after
 * {@link #close()}, which would be lost on the wire: a session that writes then has a bug.
 *
 * <p>By default the client is {@code 127.0.0.1:40000} (loopback, so Dovecot's "secured") on a
 * listener named after the protocol with STARTTLS available; the builder methods change that.
 * A harness that feeds input as the net layer does looks at {@link #maxLineLength()} and
 * {@link #counting()}, and reports counted octets with {@link #delivered(long)}. Tasks given to
 * {@link #execute(Runnable)} wait in a queue until the harness runs them with {@link #runTasks()},
 * on its own thread, as the net layer runs them on the session's.
 */
public final class FakeConnection implements Connection {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final InetSocketAddress local;
    private Charset charset = StandardCharsets.UTF_8;
    private int read;
    private volatile ListenerInfo listener;
    private volatile InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 40000);
    private volatile boolean secure;
    private volatile boolean canStartTls = true;
    private volatile SSLSession tlsSession;
    private volatile boolean open = true;
    private volatile int clientConnections = 1;
    private int startTlsCalls;
    private String outputAtStartTls;
    private int flushes;
    private int writes;
    private int largestWrite;
    private int maxLineLength = 2048;
    /** Octets asked for with readBytes and not delivered yet; -1 in line mode. */
    private long counting = -1;
    /** The level given to startCompression, or -1. */
    private int compressionLevel = -1;
    private String outputAtCompression;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Queue<Duration> delays = new ConcurrentLinkedQueue<>();
    /** What {@link #pendingInput(int)} answers: input the harness says is waiting behind the current line. */
    private volatile byte[] pending = new byte[0];

    /**
     * A connection to {@code 127.0.0.1:port} on a STARTTLS listener named {@code protocol}.
     *
     * @param protocol the listener's name and protocol ({@code smtp}, {@code imap}, {@code pop3})
     * @param port the local port, for log lines
     */
    public FakeConnection(String protocol, int port) {
        this.listener = new ListenerInfo(protocol, protocol, ListenerInfo.TlsMode.STARTTLS, Map.of());
        this.local = new InetSocketAddress("127.0.0.1", port);
    }

    public FakeConnection listener(ListenerInfo info) {
        this.listener = info;
        return this;
    }

    public FakeConnection remote(InetSocketAddress address) {
        this.remote = address;
        return this;
    }

    /** What {@link #clientConnectionCount()} answers (1, this connection alone, unless told). */
    public FakeConnection clientConnections(int count) {
        this.clientConnections = count;
        return this;
    }

    /**
     * Input the client sent ahead, waiting behind the line being handled: what
     * {@link #pendingInput(int)} answers until changed (a pipelining client).
     */
    public FakeConnection pending(String input) {
        this.pending = input.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    @Override
    public byte[] pendingInput(int max) {
        byte[] p = pending;
        return java.util.Arrays.copyOf(p, Math.min(max, p.length));
    }

    public FakeConnection canStartTls(boolean can) {
        this.canStartTls = can;
        return this;
    }

    /** Makes the connection secure, as after a handshake or on an implicit TLS listener, without a session. */
    public FakeConnection secure() {
        return secure(null);
    }

    /** Makes the connection secure with {@code session} (a {@link FakeSslSession}) as its TLS session. */
    public FakeConnection secure(SSLSession session) {
        this.secure = true;
        this.canStartTls = false;
        this.tlsSession = session;
        return this;
    }

    /**
     * How {@link #take()} and {@link #all()} decode the octets written: UTF-8 unless told;
     * ISO-8859-1 shows every octet as one character (for 8-bit message content).
     */
    public FakeConnection decoding(Charset charset) {
        this.charset = charset;
        return this;
    }

    /** Everything written since the last call. */
    public synchronized String take() {
        byte[] all = output.toByteArray();
        String s = new String(all, read, all.length - read, charset);
        read = all.length;
        return s;
    }

    /** Everything written since the connection was made. */
    public synchronized String all() {
        return output.toString(charset);
    }

    public synchronized int startTlsCalls() {
        return startTlsCalls;
    }

    /** What had been written when {@link #startTls()} was called, or null. */
    public synchronized String outputAtStartTls() {
        return outputAtStartTls;
    }

    public synchronized int flushes() {
        return flushes;
    }

    /** How many write calls the session made. */
    public synchronized int writes() {
        return writes;
    }

    /** The largest single write, in octets. */
    public synchronized int largestWrite() {
        return largestWrite;
    }

    /** The line length the session asked for (2048 until it asks). */
    public synchronized int maxLineLength() {
        return maxLineLength;
    }

    /** Octets the session waits for with {@link #readBytes}, or -1 in line mode. */
    public synchronized long counting() {
        return counting;
    }

    /** The harness delivered {@code n} counted octets; at the last of them, back to line mode. */
    public synchronized void delivered(long n) {
        counting -= n;
        if (counting == 0) {
            counting = -1;
        }
    }

    /** The level the session asked to compress with, or -1 if it never did. */
    public synchronized int compressionLevel() {
        return compressionLevel;
    }

    /** What had been written when {@link #startCompression(int)} was called, or null. */
    public synchronized String outputAtCompression() {
        return outputAtCompression;
    }

    /** How many tasks wait to be run. */
    public int pendingTasks() {
        return tasks.size();
    }

    /**
     * Runs the queued tasks, and those they queue, on the calling thread, in order.
     *
     * @return how many ran
     */
    public int runTasks() {
        int n = 0;
        Runnable task;
        while ((task = tasks.poll()) != null) {
            if (open) {
                task.run();
                n++;
            }
        }
        return n;
    }

    @Override
    public String id() {
        return "c1";
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
        return listener;
    }

    @Override
    public int clientConnectionCount() {
        return clientConnections;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public Optional<SSLSession> tlsSession() {
        return Optional.ofNullable(tlsSession);
    }

    @Override
    public boolean canStartTls() {
        return canStartTls && !secure && open;
    }

    @Override
    public synchronized void startTls() {
        if (!canStartTls()) {
            throw new IllegalStateException("cannot start TLS");
        }
        startTlsCalls++;
        outputAtStartTls = output.toString(charset);
    }

    @Override
    public void write(CharSequence text) {
        write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void write(byte[] bytes) {
        if (!open) {
            throw new IllegalStateException("write after close");
        }
        writes++;
        largestWrite = Math.max(largestWrite, bytes.length);
        output.writeBytes(bytes);
    }

    @Override
    public synchronized void flush() {
        flushes++;
    }

    @Override
    public synchronized void setMaxLineLength(int bytes) {
        maxLineLength = bytes;
    }

    @Override
    public synchronized void readBytes(long count) {
        if (counting >= 0) {
            throw new IllegalStateException("readBytes while counting");
        }
        counting = count;
    }

    @Override
    public synchronized void startCompression(int level) {
        if (compressionLevel >= 0 || !open) {
            throw new IllegalStateException("cannot start compression");
        }
        compressionLevel = level;
        outputAtCompression = output.toString(charset);
    }

    @Override
    public synchronized boolean isCompressed() {
        return compressionLevel >= 0;
    }

    @Override
    public boolean execute(Runnable task) {
        if (!open) {
            return false;
        }
        tasks.add(task);
        return true;
    }

    /**
     * Queues the task like {@link #execute(Runnable)} (the harness runs it with {@link #runTasks()},
     * as if the delay had passed) and records the delay for {@link #delays()}.
     */
    @Override
    public boolean executeAfter(Duration delay, Runnable task) {
        if (!open) {
            return false;
        }
        delays.add(delay);
        tasks.add(task);
        return true;
    }

    /** The delays given to {@link #executeAfter}, in order. */
    public List<Duration> delays() {
        return List.copyOf(delays);
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }
}
