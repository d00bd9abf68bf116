package io.tegami.api.net;

import java.net.InetSocketAddress;
import java.util.Optional;

import javax.net.ssl.SSLSession;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One client connection, as seen by a {@link ProtocolSession}. Implemented by the {@code net}
 * bundle. Methods may be called from the session's thread only.
 */
@ProviderType
public interface Connection {

    /** A short unique id for log lines. */
    String id();

    /** The client's address. */
    InetSocketAddress remoteAddress();

    /** The local address the client connected to. */
    InetSocketAddress localAddress();

    /** The listener this connection came in on: its name, TLS mode and per-listener options. */
    ListenerInfo listener();

    /**
     * How many connections to this connection's listener are open now from the same client IP
     * address, this one included: the count Postfix's {@code anvil} keeps per service and client
     * for {@code smtpd_client_connection_count_limit}. A protocol that limits it checks the count
     * in {@link ProtocolSession#start()} and answers with its own refusal.
     *
     * @since 1.1
     */
    int clientConnectionCount();

    /** True once TLS protects the connection (implicit TLS, or after {@link #startTls()}). */
    boolean isSecure();

    /** The TLS session, when {@link #isSecure()}. */
    Optional<SSLSession> tlsSession();

    /** True if the listener can upgrade this connection with {@link #startTls()} now. */
    boolean canStartTls();

    /**
     * Upgrades the connection to TLS. Call it right after writing the protocol's "go ahead" reply
     * (which is sent in clear). Input that was received but not yet processed is discarded, as
     * RFC 3207 requires, so that a client cannot inject commands across the upgrade. The session
     * hears {@link ProtocolSession#tlsStarted()} or {@link ProtocolSession#tlsFailed(Exception)}.
     *
     * @throws IllegalStateException if {@link #canStartTls()} is false
     */
    void startTls();

    /** Queues text (encoded as UTF-8) for output. */
    void write(CharSequence text);

    /** Queues bytes for output. The array must not be modified afterwards. */
    void write(byte[] bytes);

    /** Sends what was queued now, without waiting for the end of the current input batch. */
    void flush();

    /**
     * Sets the longest line delivered in one piece; longer lines arrive as fragments. The
     * default is the listener's {@code max_line_length}.
     */
    void setMaxLineLength(int bytes);

    /**
     * Switches to counted input: the next {@code count} bytes go to
     * {@link ProtocolSession#bytesReceived} instead of being split into lines (IMAP literals).
     */
    void readBytes(long count);

    /** Flushes queued output, then closes the connection. */
    void close();

    /** True until the connection is closed. */
    boolean isOpen();
}
