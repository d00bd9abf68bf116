package io.tegami.imap.fake;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLSession;

import io.tegami.api.net.Connection;
import io.tegami.api.net.ListenerInfo;

/**
 * A connection that records what the session writes (from any thread: IDLE notifications come
 * from the handler's scheduler) and what it asks of the net layer.
 */
public final class FakeConnection implements Connection {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private int read;
    private ListenerInfo listener = new ListenerInfo("imap", "imap", ListenerInfo.TlsMode.STARTTLS, Map.of());
    private InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 40000);
    private boolean secure;
    private boolean canStartTls = true;
    private volatile boolean open = true;
    private int startTlsCalls;
    private int maxLineLength = 2048;
    /** Octets asked for with readBytes and not delivered yet; -1 in line mode. */
    private long counting = -1;

    public FakeConnection listener(ListenerInfo info) {
        this.listener = info;
        return this;
    }

    public FakeConnection remote(InetSocketAddress address) {
        this.remote = address;
        return this;
    }

    /** As after a handshake, or on an implicit TLS listener. */
    public FakeConnection secure() {
        this.secure = true;
        this.canStartTls = false;
        return this;
    }

    public FakeConnection canStartTls(boolean can) {
        this.canStartTls = can;
        return this;
    }

    /** Everything written since the last call. */
    public synchronized String take() {
        String all = output.toString(StandardCharsets.UTF_8);
        String s = all.substring(read);
        read = all.length();
        return s;
    }

    public synchronized String all() {
        return output.toString(StandardCharsets.UTF_8);
    }

    public int startTlsCalls() {
        return startTlsCalls;
    }

    public int maxLineLength() {
        return maxLineLength;
    }

    /** Octets the session waits for, or -1 in line mode. */
    public long counting() {
        return counting;
    }

    /** The harness delivered {@code n} counted octets. */
    public void delivered(long n) {
        counting -= n;
        if (counting == 0) {
            counting = -1;
        }
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
        return new InetSocketAddress("127.0.0.1", 143);
    }

    @Override
    public ListenerInfo listener() {
        return listener;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public Optional<SSLSession> tlsSession() {
        return Optional.empty();
    }

    @Override
    public boolean canStartTls() {
        return canStartTls && !secure && open;
    }

    @Override
    public void startTls() {
        if (!canStartTls()) {
            throw new IllegalStateException("cannot start TLS");
        }
        startTlsCalls++;
    }

    @Override
    public synchronized void write(CharSequence text) {
        output.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void write(byte[] bytes) {
        output.writeBytes(bytes);
    }

    @Override
    public void flush() {
    }

    @Override
    public void setMaxLineLength(int bytes) {
        maxLineLength = bytes;
    }

    @Override
    public void readBytes(long count) {
        if (counting >= 0) {
            throw new IllegalStateException("readBytes while counting");
        }
        counting = count;
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
