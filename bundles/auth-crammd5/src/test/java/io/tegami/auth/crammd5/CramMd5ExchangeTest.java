package io.tegami.auth.crammd5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.tegami.api.sasl.SaslContext;
import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslResult;
import io.tegami.api.sasl.contract.ContractDirectory;
import io.tegami.api.user.UserDirectory;

/** RFC 2195's example, Dovecot's response parsing, and users CRAM-MD5 cannot serve. */
class CramMd5ExchangeTest {

    private static final String RFC_CHALLENGE = "<1896.697170952@postoffice.reston.mci.net>";
    /** RFC 2195's secret for tim is "tanstaaftanstaaf"; this is its context from doveadm pw -s CRAM-MD5. */
    private static final String TIM = "d06d4e1b26fccaa4b0b61801132340a354b21152711fb604ca3e035e7015116b";

    private final ContractDirectory directory = new ContractDirectory().user("tim", "tanstaaftanstaaf").user("tim smith", "tanstaaftanstaaf")
            .scheme("CRAM-MD5", p -> p.equals("tanstaaftanstaaf") ? TIM : null);

    private SaslExchange start(UserDirectory users) {
        SaslContext context = SaslContext.of("smtp", new InetSocketAddress("192.0.2.1", 25), false, users,
                "postoffice.reston.mci.net");
        return new CramMd5Mechanism(host -> RFC_CHALLENGE).start(context);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rfc2195Example() {
        SaslExchange exchange = start(directory);
        SaslResult.Challenge challenge = assertInstanceOf(SaslResult.Challenge.class, exchange.step(null));
        assertArrayEquals(ascii(RFC_CHALLENGE), challenge.data());
        SaslResult.Success ok = assertInstanceOf(SaslResult.Success.class,
                exchange.step(ascii("tim b913a602c7eda7a495b4e6e7334d3890")));
        assertEquals("tim", ok.user().name());
    }

    @Test
    void upperCaseDigestsAreAccepted() {
        SaslExchange exchange = start(directory);
        exchange.step(null);
        assertInstanceOf(SaslResult.Success.class, exchange.step(ascii("tim B913A602C7EDA7A495B4E6E7334D3890")));
    }

    @Test
    void theUserNameEndsAtTheLastSpace() {
        SaslExchange exchange = start(directory);
        exchange.step(null);
        assertInstanceOf(SaslResult.Success.class, exchange.step(ascii("tim smith b913a602c7eda7a495b4e6e7334d3890")));
    }

    @Test
    void aPlainPasswordIsEnoughWhenNoContextIsStored() {
        SaslExchange exchange = start(new ContractDirectory().user("tim", "tanstaaftanstaaf"));
        exchange.step(null);
        assertInstanceOf(SaslResult.Success.class, exchange.step(ascii("tim b913a602c7eda7a495b4e6e7334d3890")));
    }

    @Test
    void wrongDigestFails() {
        SaslExchange exchange = start(directory);
        exchange.step(null);
        SaslResult.Failure f = assertInstanceOf(SaslResult.Failure.class, exchange.step(ascii("tim b913a602c7eda7a495b4e6e7334d3891")));
        assertEquals("authentication failure", f.reason());
        assertEquals("tim", f.username());
    }

    @Test
    void oneWayHashesAreNamedInTheLogReason() {
        SaslExchange exchange = start(new OneWayDirectory());
        exchange.step(null);
        SaslResult.Failure f = assertInstanceOf(SaslResult.Failure.class, exchange.step(ascii("carol b913a602c7eda7a495b4e6e7334d3890")));
        assertEquals("CRAM-MD5 not possible for user carol: password stored as one-way hash", f.reason());
        assertTrue(!f.temporary());

        SaslExchange unknown = start(new OneWayDirectory());
        unknown.step(null);
        assertEquals("authentication failure", ((SaslResult.Failure) unknown.step(ascii("erin b913a602c7eda7a495b4e6e7334d3890"))).reason());

        SaslExchange broken = start(new OneWayDirectory());
        broken.step(null);
        assertTrue(((SaslResult.Failure) broken.step(ascii("dave b913a602c7eda7a495b4e6e7334d3890"))).reason()
                .startsWith("invalid CRAM-MD5 credentials stored"));
    }

    @Test
    void malformedResponsesFail() {
        for (String bad : new String[] {"", "tim", "tim ", " b913a602c7eda7a495b4e6e7334d3890", "tim b913a602",
                "tim b913a602c7eda7a495b4e6e7334d3890aa", "tim zz13a602c7eda7a495b4e6e7334d3890", "t\0m b913a602c7eda7a495b4e6e7334d3890",
                "t\nim b913a602c7eda7a495b4e6e7334d3890"}) {
            SaslExchange exchange = start(directory);
            exchange.step(null);
            SaslResult.Failure f = assertInstanceOf(SaslResult.Failure.class, exchange.step(ascii(bad)), bad);
            assertTrue(f.reason().startsWith("invalid CRAM-MD5 response"), f.reason());
        }
    }

    @Test
    void anInitialResponseIsIgnoredAsInDovecot() {
        SaslExchange exchange = start(directory);
        assertInstanceOf(SaslResult.Challenge.class, exchange.step(ascii("tim")));
        assertInstanceOf(SaslResult.Success.class, exchange.step(ascii("tim b913a602c7eda7a495b4e6e7334d3890")));
    }

    @Test
    void challengesAreDovecotShapedAndUnpredictable() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(697170952), ZoneOffset.UTC);
        var maker = CramMd5Mechanism.challengeMaker(new SecureRandom(), clock);
        String one = maker.apply("mx.example.org");
        String two = maker.apply("mx.example.org");
        assertTrue(one.matches("<\\d{16}\\.697170952@mx\\.example\\.org>"), one);
        assertNotEquals(one, two);
    }
}
