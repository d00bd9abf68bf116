package io.tegami.examples.greylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GreylistSettingsTest {

    @Test
    void withoutConfigurationPostgreysDefaultsApply() {
        GreylistSettings s = GreylistSettings.from(Map.of());
        assertEquals(Duration.ofSeconds(300), s.delay());
        assertEquals(Duration.ofDays(35), s.maxAge());
        assertEquals(Duration.ofDays(2), s.retryWindow());
        assertEquals(5, s.autoWhitelistClients());
        assertEquals("Greylisted, see http://postgrey.schweikert.ch/help/%r.html", s.text());
    }

    @Test
    void timesTakePostfixUnitsAndPlainSeconds() {
        GreylistSettings s = GreylistSettings.from(Map.of("delay", "1", "max_age", "7d", "retry_window", "12h"));
        assertEquals(Duration.ofSeconds(1), s.delay());
        assertEquals(Duration.ofDays(7), s.maxAge());
        assertEquals(Duration.ofHours(12), s.retryWindow());
        assertEquals(Duration.ofMinutes(5), GreylistSettings.from(Map.of("delay", "5m")).delay());
        assertEquals(Duration.ofSeconds(60), GreylistSettings.from(Map.of("delay", 60L)).delay());
    }

    @Test
    void numbersAndTextAreRead() {
        GreylistSettings s = GreylistSettings.from(Map.of("auto_whitelist_clients", "0", "max_entries", 10,
                "greylist_text", " Greylisted for %s seconds "));
        assertEquals(0, s.autoWhitelistClients());
        assertEquals(10, s.maxEntries());
        assertEquals("Greylisted for %s seconds", s.text());
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GreylistSettings.from(Map.of("delay", "soon")));
        assertTrue(e.getMessage().contains("delay"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GreylistSettings.from(Map.of("delay", "5y")));
        assertThrows(IllegalArgumentException.class, () -> GreylistSettings.from(Map.of("max_entries", "0")));
        assertThrows(IllegalArgumentException.class, () -> GreylistSettings.from(Map.of("delay", "-1")));
    }
}
