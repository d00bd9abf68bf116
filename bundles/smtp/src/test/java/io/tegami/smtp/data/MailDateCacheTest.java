package io.tegami.smtp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import io.tegami.api.mail.MailDate;
import org.junit.jupiter.api.Test;

/** The cached date text is always what MailDate would write, across seconds and zones. */
class MailDateCacheTest {

    @Test
    void sameTextAsMailDate() {
        Instant base = Instant.parse("2026-11-28T02:30:59.900Z");
        for (String zone : new String[] {"UTC", "Europe/Berlin", "Asia/Tokyo", "Europe/Berlin", "UTC"}) {
            for (long ms : new long[] {0, 50, 99, 100, 1100, 0, 86_400_000L}) {
                ZonedDateTime t = base.plusMillis(ms).atZone(ZoneId.of(zone));
                assertEquals(MailDate.format(t), MailDateCache.format(t), t.toString());
            }
        }
        // Same instant and zone id, different offset (a DST change) never shares a text.
        ZonedDateTime before = Instant.parse("2026-10-25T00:59:59Z").atZone(ZoneId.of("Europe/Berlin"));
        ZonedDateTime after = Instant.parse("2026-10-25T01:00:00Z").atZone(ZoneId.of("Europe/Berlin"));
        assertEquals(MailDate.format(before), MailDateCache.format(before));
        assertEquals(MailDate.format(after), MailDateCache.format(after));
        ZonedDateTime fixed = Instant.parse("2026-11-28T02:30:59Z").atZone(ZoneId.of("+09:00"));
        assertEquals(MailDate.format(fixed), MailDateCache.format(fixed));
    }
}
