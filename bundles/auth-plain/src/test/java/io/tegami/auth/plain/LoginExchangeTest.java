package io.tegami.auth.plain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.tegami.api.sasl.SaslContext;
import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslResult;

/** LOGIN's prompts, byte for byte as Postfix and Dovecot send them, and its corner cases. */
class LoginExchangeTest {

    private final RecordingDirectory users = new RecordingDirectory();
    private final SaslContext context = SaslContext.of("smtp", new InetSocketAddress("192.0.2.1", 1234), true, users, "mx");

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void promptsAreTheOnesClientsExpect() {
        SaslExchange login = new LoginMechanism().start(context);
        SaslResult.Challenge user = assertInstanceOf(SaslResult.Challenge.class, login.step(null));
        assertEquals("VXNlcm5hbWU6", Base64.getEncoder().encodeToString(user.data()));
        SaslResult.Challenge password = assertInstanceOf(SaslResult.Challenge.class, login.step(ascii("tim")));
        assertEquals("UGFzc3dvcmQ6", Base64.getEncoder().encodeToString(password.data()));
        assertInstanceOf(SaslResult.Success.class, login.step(ascii("tanstaaftanstaaf")));
    }

    @Test
    void anEmptyInitialResponseStillAsksForTheUserName() {
        SaslExchange login = new LoginMechanism().start(context);
        SaslResult.Challenge c = assertInstanceOf(SaslResult.Challenge.class, login.step(new byte[0]));
        assertArrayEquals(ascii("Username:"), c.data());
    }

    @Test
    void theInitialResponseIsTheUserName() {
        SaslExchange login = new LoginMechanism().start(context);
        SaslResult.Challenge c = assertInstanceOf(SaslResult.Challenge.class, login.step(ascii("tim")));
        assertArrayEquals(ascii("Password:"), c.data());
        SaslResult.Failure f = assertInstanceOf(SaslResult.Failure.class, login.step(ascii("guess")));
        assertEquals("tim", f.username());
        assertEquals("authentication failure", f.reason());
    }

    @Test
    void emptyUserNameFailsAtOnce() {
        SaslExchange login = new LoginMechanism().start(context);
        login.step(null);
        SaslResult.Failure f = assertInstanceOf(SaslResult.Failure.class, login.step(new byte[0]));
        assertNull(f.username());
    }

    @Test
    void controlCharactersInTheUserNameFail() {
        SaslExchange login = new LoginMechanism().start(context);
        assertInstanceOf(SaslResult.Failure.class, login.step(ascii("tim\r\nwarning: forged")));
    }

    @Test
    void passwordIsWipedAfterTheCheck() {
        SaslExchange login = new LoginMechanism().start(context);
        login.step(ascii("tim"));
        login.step(ascii("tanstaaftanstaaf"));
        assertArrayEquals(new char[16], users.passwords.get(0));
    }
}
