package io.tegami.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class MessageDatesTest {

    @Test
    void rfc5322Dates() {
        assertEquals(OffsetDateTime.parse("1994-02-07T21:52:25-08:00"),
                MessageDates.parse("Mon, 7 Feb 1994 21:52:25 -0800 (PST)"));
        assertEquals(OffsetDateTime.parse("2024-03-12T09:15:00+01:00"), MessageDates.parse("Tue, 12 Mar 2024 09:15:00 +0100"));
        assertEquals(OffsetDateTime.parse("2024-03-12T09:15:00Z"), MessageDates.parse("12 Mar 2024 09:15 GMT"));
        assertEquals(OffsetDateTime.parse("2024-03-16T10:00:00Z"), MessageDates.parse("16 Mar 24 10:00 MET"));
        assertEquals(OffsetDateTime.parse("1999-12-31T23:59:59-05:00"), MessageDates.parse("Fri,31 Dec 99 23:59:59 EST"));
        assertEquals(OffsetDateTime.parse("2024-01-01T00:00:00Z"), MessageDates.parse("Mon 1 Jan 2024 00:00:00"));
        assertEquals(OffsetDateTime.parse("2016-12-31T23:59:59Z"), MessageDates.parse("31 Dec 2016 23:59:60 +0000"));
        assertEquals(LocalDate.parse("2024-01-01"), MessageDates.sentDate("Mon, 01 Jan 2024 23:30:00 -0500"));
    }

    @Test
    void garbageIsNull() {
        assertNull(MessageDates.parse(null));
        assertNull(MessageDates.parse(""));
        assertNull(MessageDates.parse("yesterday"));
        assertNull(MessageDates.parse("32 Jan 2024 00:00:00 +0000"));
        assertNull(MessageDates.parse("1 Foo 2024 00:00:00 +0000"));
        assertNull(MessageDates.parse("1 Jan 2024"));
        assertNull(MessageDates.parse("1 Jan 2024 25:00 +0000"));
    }
}
