package io.tegami.api.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class MailDateTest {

    @Test
    void postfixFormWithZoneAbbreviationsThatFollowDaylightSaving() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertEquals("Sat,  5 Dec 2026 09:03:07 +0100 (CET)", MailDate.format(ZonedDateTime.of(2026, 12, 5, 9, 3, 7, 0, paris)));
        // Same zone, other offset: the cached abbreviation must not be reused.
        assertEquals("Thu,  2 Jul 2026 08:00:00 +0200 (CEST)", MailDate.format(ZonedDateTime.of(2026, 7, 2, 8, 0, 0, 0, paris)));
        assertEquals("Fri, 27 Nov 2026 20:10:00 +0000 (UTC)", MailDate.format(ZonedDateTime.of(2026, 11, 27, 20, 10, 0, 0, ZoneOffset.UTC)));
        assertEquals("Fri, 27 Nov 2026 20:10:00 +0900", MailDate.format(ZonedDateTime.of(2026, 11, 27, 20, 10, 0, 0, ZoneOffset.ofHours(9))));
        assertEquals("Thu,  2 Jul 2026 08:00:00 +0900 (JST)", MailDate.format(ZonedDateTime.of(2026, 7, 2, 8, 0, 0, 0, ZoneId.of("Asia/Tokyo"))));
    }
}
