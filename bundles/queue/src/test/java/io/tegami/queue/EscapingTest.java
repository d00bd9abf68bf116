package io.tegami.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EscapingTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "with space", "line\nbreak\r\n", "per%cent", "%", "%%41", "tab\there",
            "ünïcödé ✉", "nul\0byte", "\"john doe\"", "a=b c=d", "\u007f"})
    void roundTripsAndNeverContainsSpaceOrLineBreak(String value) {
        String escaped = Escaping.escape(value);
        assertFalse(escaped.isEmpty());
        assertFalse(escaped.contains(" ") || escaped.contains("\n") || escaped.contains("\r"), escaped);
        assertEquals(value, Escaping.unescape(escaped));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%4", "abc%", "%ZZ", "raw space", "raw\nline"})
    void rejectsMalformedInput(String field) {
        assertThrows(IllegalArgumentException.class, () -> Escaping.unescape(field));
    }
}
