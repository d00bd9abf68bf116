package io.tegami.auth.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DovecotTimeTest {

    private static final Duration FALLBACK = Duration.ofSeconds(2);

    @Test
    void readsDovecotAndPostfixNotations() {
        assertEquals(Duration.ofSeconds(2), DovecotTime.parse("2 secs", FALLBACK));
        assertEquals(Duration.ofSeconds(3), DovecotTime.parse("3s", FALLBACK));
        assertEquals(Duration.ofSeconds(5), DovecotTime.parse(" 5 ", FALLBACK));
        assertEquals(Duration.ofMillis(500), DovecotTime.parse("500 msecs", FALLBACK));
        assertEquals(Duration.ofMinutes(1), DovecotTime.parse("1 min", FALLBACK));
        assertEquals(Duration.ZERO, DovecotTime.parse("0", FALLBACK));
    }

    @Test
    void nonsenseFallsBack() {
        assertEquals(FALLBACK, DovecotTime.parse("soon", FALLBACK));
        assertEquals(FALLBACK, DovecotTime.parse("2 fortnights", FALLBACK));
        assertEquals(FALLBACK, DovecotTime.parse("-1", FALLBACK));
        assertEquals(FALLBACK, DovecotTime.parse("", FALLBACK));
    }
}
