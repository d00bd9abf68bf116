package io.tegami.api.sasl;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One authentication in progress: the server side of a SASL conversation. Created by
 * {@link SaslMechanism#start}, called from one protocol session's thread, and dropped after it
 * returned a {@link SaslResult.Success} or {@link SaslResult.Failure}, or after {@link #abort()}.
 *
 * <p>Exchanges may block on the user directory. They must not throw for bad client input: a
 * malformed response is a {@link SaslResult.Failure}.
 */
@ConsumerType
public interface SaslExchange {

    /**
     * Takes the client's next response and answers it.
     *
     * <p>The first call carries the initial response the client sent with its AUTH command
     * (RFC 4954 section 4), or {@code null} when it sent none; an empty array is an empty initial
     * response ({@code =} on the wire). Mechanisms where the client speaks first answer
     * {@code null} with an empty {@link SaslResult.Challenge}. Later calls carry the client's
     * answer to the last challenge and are never {@code null}.
     *
     * <p>The caller overwrites {@code response} once the call returns (it may hold a password):
     * an exchange copies what it keeps.
     *
     * @return a challenge to send, or the end of the exchange
     * @throws IllegalStateException if called after a success or failure, or after {@link #abort()}
     */
    SaslResult step(byte[] response);

    /**
     * The exchange ends before a result: the client cancelled ({@code *}), the connection closed,
     * or the server is shutting down. Forget any secret kept so far.
     */
    default void abort() {
    }
}
