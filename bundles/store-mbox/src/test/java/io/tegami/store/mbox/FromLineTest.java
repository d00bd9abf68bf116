package io.tegami.store.mbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class FromLineTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    private static FromLine parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return FromLine.parse(b, 0, b.length, UTC);
    }

    @Test
    void formatsAsctimeLikePostfix() {
        FromLine f = FromLine.of("<bob@example.org>", Instant.parse("2001-11-09T22:33:52Z"));
        assertEquals("From bob@example.org Fri Nov  9 22:33:52 2001\n", new String(f.format(UTC), StandardCharsets.UTF_8));
        assertEquals("MAILER-DAEMON", FromLine.of("<>", Instant.EPOCH).sender());
        assertEquals("MAILER-DAEMON", FromLine.of(null, Instant.EPOCH).sender());
        assertEquals("a_b@x", FromLine.of("a b@x", Instant.EPOCH).sender());
    }

    @Test
    void parsesWhatItWritesInAnyZone() {
        Instant t = Instant.parse("2024-02-29T01:02:03Z");
        for (String zone : new String[] {"UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Tokyo"}) {
            ZoneId z = ZoneId.of(zone);
            byte[] line = FromLine.of("a@b", t).format(z);
            FromLine back = FromLine.parse(line, 0, line.length, z);
            assertNotNull(back, zone);
            assertEquals(t, back.date(), zone);
            assertEquals("a@b", back.sender());
        }
    }

    @Test
    void parsesTheVariantsDovecotAccepts() {
        assertEquals(Instant.parse("2001-11-09T22:33:52Z"), parse("From a@b  Fri Nov  9 22:33:52 2001\n").date());
        assertEquals(Instant.parse("2001-11-09T22:33:00Z"), parse("From a@b Fri Nov  9 22:33 2001").date());
        assertEquals(Instant.parse("2001-11-09T19:33:52Z"), parse("From a@b Fri Nov 9 22:33:52 2001 +0300").date());
        assertEquals(Instant.parse("2001-11-09T19:33:52Z"), parse("From a@b Fri Nov 9 22:33:52 +0300 2001").date());
        assertEquals(Instant.parse("2001-11-09T22:33:52Z"), parse("From a@b Fri Nov 9 22:33:52 EET 2001").date());
        assertEquals(Instant.parse("2002-11-09T22:33:52Z"), parse("From a@b Thu, 9 Nov 2002 22:33:52").date());
        assertEquals("\"x y\"@z", parse("From \"x y\"@z Fri Nov  9 22:33:52 2001").sender());
        assertEquals("MAILER-DAEMON", parse("From MAILER-DAEMON Fri Nov  9 22:33:52 2001\r\n").sender());
    }

    @Test
    void bodyTextIsNotAFromLine() {
        assertNull(parse("From here we went on to the station"));
        assertNull(parse("From: Bob <bob@example.org>"));
        assertNull(parse("From a@b Fri Nov 31 22:33:52 2001"));
        assertNull(parse("From a@b Fri Xyz  9 22:33:52 2001"));
        assertNull(parse(">From a@b Fri Nov  9 22:33:52 2001"));
        assertNull(parse("From "));
    }
}
