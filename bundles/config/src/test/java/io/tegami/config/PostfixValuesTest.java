package io.tegami.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class PostfixValuesTest {

    @Test
    void listsSplitAtCommasAndWhitespace() {
        assertEquals(List.of("a", "b", "c", "d"), PostfixValues.list(" a, b ,c\n\td,, "));
        assertEquals(List.of(), PostfixValues.list("  "));
    }

    @Test
    void booleans() {
        assertTrue(PostfixValues.bool("yes", false));
        assertFalse(PostfixValues.bool("NO", true));
        assertTrue(PostfixValues.bool("maybe", true));
    }

    @Test
    void times() {
        assertEquals(Duration.ofSeconds(300), PostfixValues.duration("300s"));
        assertEquals(Duration.ofSeconds(300), PostfixValues.duration("300"));
        assertEquals(Duration.ofMinutes(2), PostfixValues.duration("2m"));
        assertEquals(Duration.ofHours(1), PostfixValues.duration("1h"));
        assertEquals(Duration.ofDays(14), PostfixValues.duration("2w"));
        assertThrows(IllegalArgumentException.class, () -> PostfixValues.duration("5y"));
        assertThrows(NumberFormatException.class, () -> PostfixValues.duration("abc"));
    }
}
