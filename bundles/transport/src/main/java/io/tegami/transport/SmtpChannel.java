package io.tegami.transport;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One TCP connection to an SMTP server, blocking, with a time limit on every read and every
 * write: commands are buffered and sent together by {@link #flush}, as PIPELINING wants, and
 * replies are read one at a time. Owned by one delivery thread at a time.
 */
final class SmtpChannel implements Closeable {

    /** A read or write that ran out of time; the connection is unusable afterwards. */
    static final class TimeoutException extends IOException {
        private static final long serialVersionUID = 1L;

        TimeoutException() {
            super("timed out");
        }
    }

    private final Target target;
    private final Watchdog watchdog;
    private Socket socket;
    private ReplyReader reader;
    private OutputStream out;
    private volatile Duration writeLimit = Duration.ofMinutes(5);
    private String tlsInfo;

    private SmtpChannel(Target target, Watchdog watchdog, Socket socket) throws IOException {
        this.target = target;
        this.watchdog = watchdog;
        use(socket);
    }

    /**
     * Connects within {@code timeout}.
     *
     * @throws IOException with the JDK's reason ({@code Connection refused}, {@code connect timed out})
     */
    static SmtpChannel connect(Target target, Duration timeout, Watchdog watchdog) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(target.address(), target.port()), (int) Math.max(1, timeout.toMillis()));
            return new SmtpChannel(target, watchdog, socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void use(Socket s) throws IOException {
        this.socket = s;
        this.reader = new ReplyReader(new BufferedInputStream(s.getInputStream(), 8192));
        this.out = new java.io.BufferedOutputStream(new GuardedOutput(s.getOutputStream()), 64 * 1024);
    }

    Target target() {
        return target;
    }

    /** Buffers one command line; {@link #flush} sends it. */
    void send(String command) throws IOException {
        out.write(command.getBytes(StandardCharsets.UTF_8));
        out.write('\r');
        out.write('\n');
    }

    /** Sends what is buffered, each write limited to {@code limit}. */
    void flush(Duration limit) throws IOException {
        writeLimit = limit;
        out.flush();
    }

    /** The stream message content is written to; writes are limited by {@code limit}. */
    OutputStream content(Duration limit) {
        writeLimit = limit;
        return out;
    }

    /** Reads one reply, waiting at most {@code limit}. */
    Reply read(Duration limit) throws IOException {
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, limit.toMillis())));
        try {
            return reader.read();
        } catch (SocketTimeoutException e) {
            throw new TimeoutException();
        }
    }

    /**
     * Runs the TLS handshake over this connection after the server's {@code 220} to STARTTLS.
     *
     * @param verifyHost true to check the certificate's name against the server's host name
     */
    void startTls(SSLContext context, boolean verifyHost, Duration limit) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, target.hostName(), target.port(), true);
        tls.setUseClientMode(true);
        if (verifyHost) {
            SSLParameters params = tls.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS"); // RFC 6125 name matching, as for HTTPS
            tls.setSSLParameters(params);
        }
        tls.setSoTimeout((int) Math.max(1, limit.toMillis()));
        try (Watchdog.Guard g = watchdog.arm(tls, limit)) {
            tls.startHandshake();
        } catch (SocketTimeoutException e) {
            throw new TimeoutException();
        }
        use(tls);
        tlsInfo = tls.getSession().getProtocol() + " with cipher " + tls.getSession().getCipherSuite();
    }

    /** {@code TLSv1.3 with cipher TLS_AES_256_GCM_SHA384}, or null before TLS. */
    String tlsInfo() {
        return tlsInfo;
    }

    boolean isTls() {
        return tlsInfo != null;
    }

    boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // gone either way
        }
    }

    /** The socket's output with each write limited in time by the watchdog. */
    private final class GuardedOutput extends FilterOutputStream {
        GuardedOutput(OutputStream raw) {
            super(raw);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try (Watchdog.Guard g = watchdog.arm(socket, writeLimit)) {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw g.fired() ? new TimeoutException() : e;
                }
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
