package io.tegami.auth.plain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tegami.api.sasl.SaslContext;
import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslResult;

/** PLAIN's message format (RFC 4616 section 2 and its examples) and what it refuses. */
class PlainExchangeTest {

    private final RecordingDirectory users = new RecordingDirectory();
    private final SaslContext context = SaslContext.of("smtp", new InetSocketAddress("192.0.2.1", 1234), false, users, "mx");

    private SaslResult plain(String message) {
        return new PlainMechanism().start(context).step(message.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rfc4616ExampleSucceeds() {
        SaslResult.Success ok = assertInstanceOf(SaslResult.Success.class, plain("\0tim\0tanstaaftanstaaf"));
        assertEquals("tim", ok.user().name());
        assertEquals("tim", ok.authenticationId());
    }

    @Test
    void authorizationIdentityEqualToTheUserIsAccepted() {
        assertInstanceOf(SaslResult.Success.class, plain("tim\0tim\0tanstaaftanstaaf"));
    }

    @Test
    void anotherAuthorizationIdentityFailsWithoutCheckingThePassword() {
        // RFC 4616's second example: Kurt acting as Ursel needs master-user rights we do not grant.
        SaslResult.Failure f = assertInstanceOf(SaslResult.Failure.class, plain("Ursel\0tim\0tanstaaftanstaaf"));
        assertTrue(f.reason().contains("authorization identity"), f.reason());
        assertEquals("tim", f.username());
        assertTrue(users.names.isEmpty());
    }

    @Test
    void wrongPasswordAndUnknownUserGiveTheSameReason() {
        SaslResult.Failure wrong = assertInstanceOf(SaslResult.Failure.class, plain("\0tim\0wrong"));
        SaslResult.Failure unknown = assertInstanceOf(SaslResult.Failure.class, plain("\0kurt\0tanstaaftanstaaf"));
        assertEquals(wrong.reason(), unknown.reason());
        assertEquals("authentication failure", wrong.reason());
    }

    @Test
    void malformedMessagesFail() {
        for (String bad : List.of("", "tim", "\0tim", "tim\0tanstaaftanstaaf", "\0tim\0tanstaaftanstaaf\0", "\0\0tanstaaftanstaaf",
                "\0t\u0001m\0tanstaaftanstaaf", "a\0b\0c\0d")) {
            SaslResult.Failure f = assertInstanceOf(SaslResult.Failure.class, plain(bad), bad);
            assertTrue(f.reason().startsWith("invalid PLAIN response") || f.reason().equals("authentication failure"),
                    f.reason());
        }
    }

    @Test
    void emptyPasswordIsCheckedAndFails() {
        assertInstanceOf(SaslResult.Failure.class, plain("\0tim\0"));
        assertEquals(List.of("tim"), users.names);
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] badPassword = {0, 't', 'i', 'm', 0, (byte) 0xc3, (byte) 0x28};
        SaslResult.Failure f = assertInstanceOf(SaslResult.Failure.class, new PlainMechanism().start(context).step(badPassword));
        assertTrue(f.reason().contains("not UTF-8"), f.reason());
        byte[] badName = {0, (byte) 0xff, 0, 'x'};
        assertInstanceOf(SaslResult.Failure.class, new PlainMechanism().start(context).step(badName));
    }

    @Test
    void utf8PasswordsReachTheDirectoryDecoded() {
        plain("\0tim\0p\u00e4ssw\u00f6rd\u263a");
        assertEquals(1, users.passwords.size());
        // Wiped after the check: nothing of the password stays in memory the exchange owned.
        assertArrayEquals(new char[9], users.passwords.get(0));
    }

    @Test
    void withoutInitialResponseTheChallengeIsEmpty() {
        SaslExchange exchange = new PlainMechanism().start(context);
        SaslResult.Challenge c = assertInstanceOf(SaslResult.Challenge.class, exchange.step(null));
        assertEquals(0, c.data().length);
        assertInstanceOf(SaslResult.Success.class, exchange.step("\0tim\0tanstaaftanstaaf".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEmptyInitialResponseIsAnAnswerNotARequestForAChallenge() {
        // "AUTH PLAIN =" sends an empty message, which is malformed.
        assertInstanceOf(SaslResult.Failure.class, new PlainMechanism().start(context).step(new byte[0]));
    }
}
