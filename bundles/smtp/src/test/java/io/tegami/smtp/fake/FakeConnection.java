package io.tegami.smtp.fake;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLSession;

import io.tegami.api.net.Connection;
import io.tegami.api.net.ListenerInfo;

/** A connection that records what the session writes and what it asks of the net layer. */
public final class FakeConnection implements Connection {

    private final StringBuilder output = new StringBuilder();
    private int read;
    private ListenerInfo listener = new ListenerInfo("smtp", "smtp", ListenerInfo.TlsMode.STARTTLS, Map.of());
    private InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 40000);
    private boolean secure;
    private boolean canStartTls = true;
    private SSLSession tlsSession;
    private boolean open = true;
    private int startTlsCalls;
    private int flushes;
    private String outputAtStartTls;

    public FakeConnection listener(ListenerInfo info) {
        this.listener = info;
        return this;
    }

    public FakeConnection remote(InetSocketAddress address) {
        this.remote = address;
        return this;
    }

    public FakeConnection canStartTls(boolean can) {
        this.canStartTls = can;
        return this;
    }

    /** Makes the connection secure, as after a handshake (or on an implicit TLS listener). */
    public FakeConnection secure(SSLSession session) {
        this.secure = true;
        this.canStartTls = false;
        this.tlsSession = session;
        return this;
    }

    /** Everything written since the last call. */
    public String take() {
        String s = output.substring(read);
        read = output.length();
        return s;
    }

    public String all() {
        return output.toString();
    }

    public int startTlsCalls() {
        return startTlsCalls;
    }

    /** What had been written when startTls() was called. */
    public String outputAtStartTls() {
        return outputAtStartTls;
    }

    public int flushes() {
        return flushes;
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
        return new InetSocketAddress("127.0.0.1", 25);
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
        return Optional.ofNullable(tlsSession);
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
        outputAtStartTls = output.toString();
    }

    @Override
    public void write(CharSequence text) {
        if (!open) {
            throw new IllegalStateException("write after close");
        }
        output.append(text);
    }

    @Override
    public void write(byte[] bytes) {
        write(new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
        flushes++;
    }

    @Override
    public void setMaxLineLength(int bytes) {
    }

    @Override
    public void readBytes(long count) {
        throw new UnsupportedOperationException("SMTP never asks for counted input");
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
