package io.tegami.pop3.auth;

import java.util.Arrays;
import java.util.Base64;

import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslResult;
import io.tegami.pop3.session.Pop3Log;
import io.tegami.pop3.session.Pop3Session;

/**
 * The POP3 side of one SASL exchange (RFC 5034 section 4): challenges as {@code + base64}, the
 * client's base64 answers, {@code *} to cancel, and the end in Dovecot's words. The session hands
 * it the input lines while it waits for answers to its challenges.
 */
public final class SaslDialog {

    private final Pop3Session session;
    private final String method;
    private final SaslExchange exchange;

    /**
     * @param method the mechanism name as the log shows it ({@code PLAIN})
     * @param exchange a fresh exchange of that mechanism
     */
    public SaslDialog(Pop3Session session, String method, SaslExchange exchange) {
        this.session = session;
        this.method = method;
        this.exchange = exchange;
    }

    /**
     * Takes the AUTH command's initial response ({@code null} for none) and answers it.
     *
     * @return true when a challenge went out and the dialog waits for the next line
     */
    public boolean start(byte[] initialResponse) {
        return step(initialResponse);
    }

    /**
     * Takes the client's answer to the last challenge.
     *
     * @return true when the exchange has ended
     */
    public boolean lineReceived(String text) {
        String answer = text.strip();
        if (answer.equals("*")) {
            exchange.abort();
            session.login().failed(method, null);
            session.reply("-ERR Authentication aborted by client.");
            return true;
        }
        byte[] response = decode(answer);
        if (response == null) {
            exchange.abort();
            session.login().failed(method, null);
            session.reply("-ERR [AUTH] Invalid base64 data in continued response");
            return true;
        }
        return !step(response);
    }

    /** The session ends or the line was too long: forget the exchange. */
    public void abort() {
        exchange.abort();
    }

    /** Strict base64 (RFC 4648 alphabet); {@code null} when the text is not base64. */
    public static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private boolean step(byte[] response) {
        SaslResult result;
        try {
            result = exchange.step(response);
        } catch (RuntimeException e) {
            // A mechanism bug must not end the session with a stack trace; the client may retry.
            Pop3Log.warn("pop3-login: SASL {} mechanism failed for {}: {}", method,
                    Pop3Log.connectionFields(session.connection(), false), e.toString());
            result = SaslResult.Failure.temporary("mechanism failed: " + e, null);
        } finally {
            if (response != null) {
                Arrays.fill(response, (byte) 0);
            }
        }
        if (result instanceof SaslResult.Challenge challenge) {
            session.reply("+ " + Base64.getEncoder().encodeToString(challenge.data()));
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
