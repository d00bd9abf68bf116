package io.tegami.api.net;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The protocol state of one connection.
 *
 * <p>The {@code net} bundle calls these methods one at a time, from a thread that may block (never
 * a Netty event loop); tasks given to {@link Connection#execute(Runnable)} run on that thread too,
 * between the callbacks. Output written to the {@link Connection} during a call is flushed when the
 * net layer has processed the input at hand, so pipelined commands get their replies in one
 * packet; call {@link Connection#flush()} to send at once. An exception thrown from a callback is
 * logged and closes the connection, so a session should answer bad input with its protocol's
 * error reply instead.
 */
@ConsumerType
public interface ProtocolSession {

    /** The connection is ready (and, on implicit TLS, the handshake is done): send the greeting. */
    void start();

    /**
     * One line of input. Lines longer than {@link Connection#setMaxLineLength(int)} arrive in
     * pieces whose {@link Line#ending()} is {@link Line.Ending#NONE}.
     */
    void lineReceived(Line line);

    /**
     * Counted input requested with {@link Connection#readBytes(long)}, in chunks. The buffer is
     * only valid during the call. After the chunk with {@code last == true} the connection is back
     * in line mode.
     */
    default void bytesReceived(ByteBuffer chunk, boolean last) {
        throw new IllegalStateException("this session never asked for counted input");
    }

    /** TLS negotiated after {@link Connection#startTls()} is in place; the next input is protected. */
    default void tlsStarted() {
    }

    /** The TLS handshake after {@link Connection#startTls()} failed; the connection is closing. */
    default void tlsFailed(Exception cause) {
    }

    /** No input for the listener's idle timeout: say goodbye and close the connection. */
    void idle();

    /**
     * The protocol handler is going away (bundle stopped or updated): end the session with the
     * protocol's own goodbye (SMTP {@code 421}, IMAP {@code * BYE}, POP3 {@code -ERR}) and close.
     */
    void shutdown();

    /**
     * {@code postfix stop} is draining the listener ({@link Drainable}): no new connections come,
     * and this session should end at its next safe point with the protocol's goodbye, instead of
     * being cut in the middle of something: SMTP after the mail transaction in progress
     * ({@code 421 4.3.2 Service shutting down} to the next command), IMAP when no command is
     * running ({@code * BYE Server shutting down.}), POP3 after the current command. Called once,
     * on the session's thread, between callbacks; the session closes the connection itself when it
     * says goodbye. If it has not ended when the stop's bound passes, {@link #shutdown()} follows
     * as usual. The default says goodbye at once through {@link #shutdown()}.
     *
     * @since 1.3
     */
    default void drainRequested() {
        shutdown();
    }

    /** The connection is closed, by either side. Release resources (partial spool files...). */
    void closed();
}
