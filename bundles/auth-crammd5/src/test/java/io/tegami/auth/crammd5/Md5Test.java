package io.tegami.auth.crammd5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Our MD5 against RFC 1321's test suite and against the JDK's, split at every awkward place. */
class Md5Test {

    private static String md5(String s) {
        return HexFormat.of().formatHex(Md5.create().update(s.getBytes(StandardCharsets.US_ASCII)).digest());
    }

    @Test
    void rfc1321TestSuite() {
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", md5(""));
        assertEquals("0cc175b9c0f1b6a831c399e269772661", md5("a"));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", md5("abc"));
        assertEquals("f96b697d7cb7938d525a2f31aaf161d0", md5("message digest"));
        assertEquals("c3fcd3d76192e4007dfb496cca67e13b", md5("abcdefghijklmnopqrstuvwxyz"));
        assertEquals("d174ab98d277d9f5a5611c2c9f419d9f",
                md5("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"));
        assertEquals("57edf4a22be3c955ac49da2e2107b67a", md5("1234567890".repeat(8)));
    }

    @Test
    void agreesWithTheJdkForEveryLengthAndSplit() throws Exception {
        Random random = new Random(1321);
        for (int length = 0; length < 300; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            byte[] expected = MessageDigest.getInstance("MD5").digest(data);
            int split = length == 0 ? 0 : random.nextInt(length + 1);
            Md5 md5 = Md5.create().update(data, 0, split);
            for (int i = split; i < length; i += 7) {
                md5.update(data, i, Math.min(7, length - i));
            }
            assertArrayEquals(expected, md5.digest(), "length " + length + " split " + split);
        }
    }

    @Test
    void resumesFromASavedStateAfterWholeBlocks() throws Exception {
        byte[] data = new byte[64 * 3 + 17];
        new Random(7).nextBytes(data);
        int[] saved = Md5.create().update(data, 0, 128).state();
        byte[] resumed = Md5.resume(saved, 128).update(data, 128, data.length - 128).digest();
        assertArrayEquals(MessageDigest.getInstance("MD5").digest(data), resumed);
    }

    @Test
    void aStateInsideABlockIsNotResumable() {
        assertThrows(IllegalStateException.class, () -> Md5.create().update(new byte[3]).state());
        assertThrows(IllegalArgumentException.class, () -> Md5.resume(new int[4], 10));
    }
}
