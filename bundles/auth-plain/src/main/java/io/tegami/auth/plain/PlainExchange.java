package io.tegami.auth.plain;

import java.util.Arrays;

import io.tegami.api.sasl.SaslContext;
import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslResult;

/**
 * One PLAIN exchange: {@code [authzid] NUL authcid NUL passwd} (RFC 4616 section 2), sent as the
 * initial response or after an empty challenge. An authorization identity is accepted only when it
 * names the user who authenticates: there are no master users (yet), so anything else fails, as in
 * Dovecot without a master passdb.
 */
final class PlainExchange implements SaslExchange {

    private static final byte[] EMPTY = new byte[0];

    private final SaslContext context;
    private boolean challenged;
    private boolean ended;

    PlainExchange(SaslContext context) {
        this.context = context;
    }

    @Override
    public SaslResult step(byte[] response) {
        if (ended) {
            throw new IllegalStateException("the PLAIN exchange has ended");
        }
        if (response == null && !challenged) {
            // The client speaks first; without an initial response it gets an empty challenge.
            challenged = true;
            return new SaslResult.Challenge(EMPTY);
        }
        ended = true;
        return verify(response == null ? EMPTY : response);
    }

    @Override
    public void abort() {
        ended = true;
    }

    private SaslResult verify(byte[] message) {
        int first = indexOfNul(message, 0);
        int second = first < 0 ? -1 : indexOfNul(message, first + 1);
        if (second < 0 || indexOfNul(message, second + 1) >= 0) {
            return SaslResult.Failure.of("invalid PLAIN response: expected two NUL separators", null);
        }
        String authzid = Utf8.string(message, 0, first);
        String authcid = Utf8.string(message, first + 1, second);
        if (authzid == null || !Utf8.validName(authcid)) {
            return SaslResult.Failure.of("invalid PLAIN response: bad user name", null);
        }
        char[] password = Utf8.chars(message, second + 1, message.length);
        if (password == null) {
            return SaslResult.Failure.of("invalid PLAIN response: password is not UTF-8", authcid);
        }
        if (!authzid.isEmpty() && !authzid.equals(authcid)) {
            Arrays.fill(password, '\0');
            return SaslResult.Failure.of("authorization identity differs from the authentication identity"
                    + " (master users are not supported)", authcid);
        }
        return PasswordCheck.verify(context, authcid, password);
    }

    private static int indexOfNul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
