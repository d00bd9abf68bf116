package io.tegami.api.sasl;

import java.util.Objects;

import io.tegami.api.user.User;

/**
 * What a {@link SaslExchange} answers to a client response: another challenge, or the end of the
 * exchange.
 */
public sealed interface SaslResult permits SaslResult.Challenge, SaslResult.Success, SaslResult.Failure {

    /**
     * Send this to the client and wait for its answer (SMTP {@code 334}, IMAP {@code +}).
     *
     * @param data the raw challenge, possibly empty; the protocol encodes it. Do not modify.
     */
    record Challenge(byte[] data) implements SaslResult {

        public Challenge {
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * The client proved its identity.
     *
     * @param user the user the session now acts as (for SMTP, the {@code sasl_username})
     * @param authenticationId the identity whose credentials were checked: the same as
     *        {@code user.name()} except for master-user logins, where it names the master user
     */
    record Success(User user, String authenticationId) implements SaslResult {

        public Success {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(authenticationId, "authenticationId");
        }

        /** A plain login: the user authenticated as itself. */
        public static Success of(User user) {
            return new Success(user, user.name());
        }
    }

    /**
     * The authentication failed. Protocols answer with a generic reply that never says why, so
     * that a client cannot learn whether a user exists.
     *
     * @param reason why, for the log only ({@code authentication failure}, {@code invalid PLAIN
     *        response}, {@code CRAM-MD5 not possible for user bob: password stored as one-way hash})
     * @param username the user name the client gave, for the log, or {@code null} if none yet
     * @param temporary true when the server could not decide (user directory unreachable): the
     *        protocol answers with a temporary failure (SMTP {@code 454 4.7.0}) and no penalty
     */
    record Failure(String reason, String username, boolean temporary) implements SaslResult {

        public Failure {
            Objects.requireNonNull(reason, "reason");
        }

        /** A definite failure: wrong credentials or malformed input. */
        public static Failure of(String reason, String username) {
            return new Failure(reason, username, false);
        }

        /** The server cannot decide now; the client should try again later. */
        public static Failure temporary(String reason, String username) {
            return new Failure(reason, username, true);
        }
    }
}
