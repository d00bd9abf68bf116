package io.tegami.api.net;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLSession;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One client connection, as seen by a {@link ProtocolSession}. Implemented by the {@code net}
 * bundle. Methods may be called from the session's thread only, except {@link #execute},
 * {@link #isOpen()} and the getters of fixed facts ({@link #id()}, the addresses,
 * {@link #listener()}), which any thread may call.
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

    /**
     * Input the client has sent that the session has not been handed yet: the rest of the input
     * batch being processed, after the line or chunk of the current callback. A protocol looks at
     * it to tell a client that sends ahead of the replies where it must wait (SMTP pipelining
     * rules, RFC 2920; Postfix's "improper command pipelining"). Input still in the operating
     * system's socket buffer is not seen, so an empty answer does not prove the client waited.
     * Nothing is consumed.
     *
     * @param max the most bytes to return
     * @return up to {@code max} pending bytes, empty when none
     * @since 1.2
     */
    default byte[] pendingInput(int max) {
        return new byte[0];
    }

    /**
     * Compresses the connection both ways with DEFLATE in its raw form (RFC 1951, no zlib or gzip
     * wrapper), as IMAP {@code COMPRESS=DEFLATE} (RFC 4978) needs. Call it right after writing
     * the protocol's go-ahead (the tagged {@code OK}), which still leaves uncompressed: output
     * written afterwards is compressed, and every flush (the end of each input batch, or
     * {@link #flush()}) ends with a zlib sync flush, so that the client can decompress all it was
     * sent. Input read from now on is decompressed; input received before but not yet processed
     * is discarded, as after {@link #startTls()}, since a client must wait for the go-ahead.
     * Compression sits inside TLS when TLS is active (data is compressed, then encrypted).
     *
     * @param level the compression level of the output, 1 (fastest) to 9 (smallest); 0 sends the
     *        data in stored blocks
     * @throws IllegalStateException if the connection is compressed already, or closed
     * @since 1.2
     */
    void startCompression(int level);

    /** True once {@link #startCompression(int)} was called. @since 1.2 */
    boolean isCompressed();

    /**
     * Runs {@code task} on the session's thread, one at a time with the {@link ProtocolSession}
     * callbacks and in submission order, as soon as the thread is free: the way a session reacts
     * to events of other threads (IMAP IDLE hearing of a delivery) without locks. Output the task
     * writes is flushed when it returns. Any thread may call this; it never blocks and never runs
     * the task on the caller's thread. A task still queued when the connection closes is dropped
     * (the session hears {@link ProtocolSession#closed()} instead); an exception thrown by a task
     * is logged and closes the connection, as from a callback.
     *
     * @return false if the task was refused: the connection is closed, or the net layer stopping
     * @since 1.2
     */
    boolean execute(Runnable task);

    /**
     * Runs {@code task} on the session's thread once {@code delay} has passed, like
     * {@link #execute(Runnable)}, and holds the client's input until then: no input callback
     * reaches the session before the task has run, and the connection reads no more than one
     * buffer ahead, so a client that keeps sending meets TCP back-pressure. No thread waits
     * meanwhile (a timer of the event loop fires), so a protocol can hold a reply (an auth penalty,
     * an error tarpit, a pre-greet wait) without tying up a session thread. During the task,
     * {@link #pendingInput(int)} shows input that arrived while it was held. Output written before
     * the call is flushed as usual; write the delayed reply from the task. Any thread may call
     * this; a task still pending when the connection closes is dropped.
     *
     * @param delay how long to wait; zero or negative runs the task as soon as the thread is free
     * @return false if the task was refused: the connection is closed, or the net layer stopping
     * @since 1.3
     */
    boolean executeAfter(Duration delay, Runnable task);

    /** Flushes queued output, then closes the connection. */
    void close();

    /** True until the connection is closed. */
    boolean isOpen();
}
