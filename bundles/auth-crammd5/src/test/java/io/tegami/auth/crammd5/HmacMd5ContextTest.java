package io.tegami.auth.crammd5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** Dovecot's {CRAM-MD5} format, checked against doveadm's output and the JDK's HmacMD5. */
class HmacMd5ContextTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void contextsMatchDoveadmPw() {
        // doveadm pw -s CRAM-MD5 -p tanstaafl / -p secret (Dovecot 2.3, Debian)
        assertEquals("4834a402d71b988f933e0444e8aeba58bc50a137b6c9892bd5f46d384a406f8a",
                HmacMd5Context.fromKey(utf8("tanstaafl")).toHex());
        assertEquals("cd3ba7deaad6e5ca23448ba42e379747a9e0f7f1fbc00c8a81bbaac395731b56",
                HmacMd5Context.fromKey(utf8("secret")).toHex());
        assertEquals("d06d4e1b26fccaa4b0b61801132340a354b21152711fb604ca3e035e7015116b",
                HmacMd5Context.fromKey(utf8("tanstaaftanstaaf")).toHex());
    }

    @Test
    void rfc2195Example() {
        // RFC 2195 section 2: tim's shared secret is "tanstaaftanstaaf".
        HmacMd5Context tim = HmacMd5Context.parse("d06d4e1b26fccaa4b0b61801132340a354b21152711fb604ca3e035e7015116b").orElseThrow();
        byte[] digest = tim.hmac(utf8("<1896.697170952@postoffice.reston.mci.net>"));
        assertEquals("b913a602c7eda7a495b4e6e7334d3890", HexFormat.of().formatHex(digest));
    }

    @Test
    void agreesWithTheJdksHmacForShortAndLongKeys() throws Exception {
        Random random = new Random(2104);
        for (int keyLength : new int[] {0, 1, 16, 63, 64, 65, 200}) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            byte[] message = new byte[random.nextInt(150)];
            random.nextBytes(message);
            Mac mac = Mac.getInstance("HmacMD5");
            // SecretKeySpec refuses empty keys; HMAC with an empty key is HMAC with a zero block.
            mac.init(new SecretKeySpec(keyLength == 0 ? new byte[1] : key, "HmacMD5"));
            byte[] expected = mac.doFinal(message);
            byte[] ours = HmacMd5Context.fromKey(keyLength == 0 ? new byte[1] : key).hmac(message);
            assertArrayEquals(expected, ours, "key length " + keyLength);
            // Through the stored form, as the mechanism uses it.
            String stored = HmacMd5Context.fromKey(key.length == 0 ? new byte[1] : key).toHex();
            assertArrayEquals(expected, HmacMd5Context.parse(stored).orElseThrow().hmac(message));
        }
    }

    @Test
    void parseTakesEitherCaseAndRefusesAnythingElse() {
        String lower = "4834a402d71b988f933e0444e8aeba58bc50a137b6c9892bd5f46d384a406f8a";
        assertEquals(lower, HmacMd5Context.parse(lower.toUpperCase(Locale.ROOT)).orElseThrow().toHex());
        assertTrue(HmacMd5Context.parse(lower.substring(1)).isEmpty());
        assertTrue(HmacMd5Context.parse(lower + "0").isEmpty());
        assertTrue(HmacMd5Context.parse("g" + lower.substring(1)).isEmpty());
        assertTrue(HmacMd5Context.parse("$6$salt$hash").isEmpty());
        assertTrue(HmacMd5Context.parse(null).isEmpty());
    }
}
