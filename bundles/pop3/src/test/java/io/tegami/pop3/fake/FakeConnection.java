package io.tegami.pop3.fake;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLSession;

import io.tegami.api.net.Connection;
import io.tegami.api.net.ListenerInfo;

/** A connection that records what the session writes (as bytes) and what it asks of the net layer. */
public final class FakeConnection implements Connection {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private int read;
    private ListenerInfo listener = new ListenerInfo("pop3", "pop3", ListenerInfo.TlsMode.STARTTLS, Map.of());
    private InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 40000);
    private boolean secure;
    private boolean canStartTls = true;
    private SSLSession tlsSession;
    private boolean open = true;
    private int startTlsCalls;
    private int writes;
    private int largestWrite;

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
        this.tlsSession = session;
        return this;
    }

    /** Everything written since the last call, decoded as ISO-8859-1 (byte for byte). */
    public String take() {
        byte[] all = output.toByteArray();
        String s = new String(all, read, all.length - read, StandardCharsets.ISO_8859_1);
        read = all.length;
        return s;
    }

    public int startTlsCalls() {
        return startTlsCalls;
    }

    /** How many write calls the session made, and the largest. */
    public int writes() {
        return writes;
    }

    public int largestWrite() {
        return largestWrite;
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
        return new InetSocketAddress("127.0.0.1", 110);
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
    }

    @Override
    public void write(CharSequence text) {
        write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(byte[] bytes) {
        if (!open) {
            throw new IllegalStateException("write after close");
        }
        writes++;
        largestWrite = Math.max(largestWrite, bytes.length);
        output.writeBytes(bytes);
    }

    @Override
    public void flush() {
    }

    @Override
    public void setMaxLineLength(int bytes) {
    }

    @Override
    public void readBytes(long count) {
        throw new UnsupportedOperationException("POP3 never asks for counted input");
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
