package io.tegami.auth.plain;

import java.nio.charset.StandardCharsets;

import io.tegami.api.sasl.SaslContext;
import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslResult;

/**
 * One LOGIN exchange. As in Dovecot, a non-empty initial response is taken as the user name, so
 * {@code AUTH LOGIN dXNlcg==} goes straight to the password prompt.
 */
final class LoginExchange implements SaslExchange {

    static final byte[] USERNAME_PROMPT = "Username:".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PASSWORD_PROMPT = "Password:".getBytes(StandardCharsets.US_ASCII);

    private enum State { START, WANT_USER, WANT_PASSWORD, ENDED }

    private final SaslContext context;
    private State state = State.START;
    private String user;

    LoginExchange(SaslContext context) {
        this.context = context;
    }

    @Override
    public SaslResult step(byte[] response) {
        switch (state) {
            case START -> {
                if (response == null || response.length == 0) {
                    state = State.WANT_USER;
                    return new SaslResult.Challenge(USERNAME_PROMPT.clone());
                }
                return takeUser(response);
            }
            case WANT_USER -> {
                return takeUser(response == null ? new byte[0] : response);
            }
            case WANT_PASSWORD -> {
                state = State.ENDED;
                char[] password = Utf8.chars(response == null ? new byte[0] : response, 0,
                        response == null ? 0 : response.length);
                if (password == null) {
                    return SaslResult.Failure.of("invalid LOGIN response: password is not UTF-8", user);
                }
                return PasswordCheck.verify(context, user, password);
            }
            default -> throw new IllegalStateException("the LOGIN exchange has ended");
        }
    }

    @Override
    public void abort() {
        state = State.ENDED;
        user = null;
    }

    private SaslResult takeUser(byte[] response) {
        String name = Utf8.string(response, 0, response.length);
        if (!Utf8.validName(name)) {
            state = State.ENDED;
            return SaslResult.Failure.of("invalid LOGIN response: bad user name", null);
        }
        user = name;
        state = State.WANT_PASSWORD;
        return new SaslResult.Challenge(PASSWORD_PROMPT.clone());
    }
}
