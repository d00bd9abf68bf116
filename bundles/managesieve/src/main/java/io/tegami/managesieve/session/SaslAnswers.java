package io.tegami.managesieve.session;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslResult;

/**
 * The ManageSieve side of one SASL exchange (RFC 5804 section 2.1): challenges go out as strings
 * holding base64, the client answers with a string (quoted or literal) of base64, or
 * {@code "*"} to cancel, which the server must refuse with {@code NO}.
 */
public final class SaslAnswers {

    private final SieveSession session;
    private final String method;
    private final SaslExchange exchange;

    public SaslAnswers(SieveSession session, String method, SaslExchange exchange) {
        this.session = session;
        this.method = method;
        this.exchange = exchange;
    }

    /**
     * Takes the initial response ({@code null} for none) and answers it.
     *
     * @return true when a challenge went out and the dialog waits for the client's answer
     */
    public boolean start(byte[] initialResponse) {
        return step(initialResponse);
    }

    /**
     * Takes the client's answer to the last challenge.
     *
     * @return true when the exchange has ended
     */
    public boolean answer(List<Token> tokens) {
        if (tokens.size() != 1 || !tokens.get(0).isString()) {
            return fail("Invalid SASL response.");
        }
        String text = tokens.get(0).text().strip();
        if (text.equals("*")) {
            exchange.abort();
            session.authFailed(null);
            session.reply(Responses.response("NO", null, "Authentication aborted by client."));
            return true;
        }
        byte[] response = decode(text);
        if (response == null) {
            return fail("Invalid base64 data in continued response.");
        }
        return !step(response);
    }

    /** The session ends: forget the exchange. */
    public void abort() {
        exchange.abort();
    }

    /** Strict base64; {@code null} when the text is not base64. */
    public static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private boolean fail(String text) {
        exchange.abort();
        session.authFailed(null);
        session.reply(Responses.response("NO", null, text));
        return true;
    }

    private boolean step(byte[] response) {
        SaslResult result;
        try {
            result = exchange.step(response);
        } catch (RuntimeException e) {
            // A mechanism bug must not end the session with a stack trace; the client may retry.
            SieveLog.warn("managesieve-login: SASL {} mechanism failed for {}: {}", method,
                    SieveLog.connectionFields(session.connection(), false), e.toString());
            result = SaslResult.Failure.temporary("mechanism failed: " + e, null);
        } finally {
            if (response != null) {
                Arrays.fill(response, (byte) 0);
            }
        }
        if (result instanceof SaslResult.Challenge challenge) {
            session.reply(Responses.string(Base64.getEncoder().encodeToString(challenge.data())));
            return true;
        }
        if (result instanceof SaslResult.Success success) {
            Authentication.succeeded(session, success.user(), method);
        } else {
            Authentication.failed(session, method, (SaslResult.Failure) result);
        }
        return false;
    }
}
