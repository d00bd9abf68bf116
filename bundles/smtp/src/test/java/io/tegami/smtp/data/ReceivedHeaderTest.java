package io.tegami.smtp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import io.tegami.api.mail.MailDate;

class ReceivedHeaderTest {

    private static final ZonedDateTime DATE = ZonedDateTime.of(2026, 11, 27, 20, 10, 0, 0, ZoneId.of("UTC"));

    @Test
    void oneRecipientIsNamed() {
        assertEquals("Received: from localhost (localhost [127.0.0.1])\n"
                + "\tby host (Tegami) with ESMTP id 3F2A91C04B\n"
                + "\tfor <alice@localhost>; Fri, 27 Nov 2026 20:10:00 +0000 (UTC)\n",
                new ReceivedHeader("localhost", "localhost", "127.0.0.1", null, "host", "Tegami", "ESMTP",
                        "3F2A91C04B", "alice@localhost", DATE).text());
    }

    @Test
    void severalRecipientsAreNotNamed() {
        assertEquals("Received: from client.example (unknown [IPv6:2001:db8::1])\n"
                + "\tby mx.example (Tegami) with SMTP id 1A;\n"
                + "\tFri, 27 Nov 2026 20:10:00 +0000 (UTC)\n",
                new ReceivedHeader("client.example", "unknown", "IPv6:2001:db8::1", null, "mx.example", "Tegami",
                        "SMTP", "1A", null, DATE).text());
    }

    @Test
    void withoutHeloTheClientNameStandsIn() {
        assertEquals("Received: from unknown (unknown [192.0.2.1])\n",
                new ReceivedHeader(null, "unknown", "192.0.2.1", null, "h", "Tegami", "SMTP", "1", null, DATE)
                        .text().lines().findFirst().orElseThrow() + "\n");
    }

    @Test
    void tlsLineComesBeforeBy() {
        assertEquals("Received: from c (c [192.0.2.1])\n"
                + "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))\n"
                + "\tby h (Tegami) with ESMTPS id 1\n"
                + "\tfor <a@h>; Fri, 27 Nov 2026 20:10:00 +0000 (UTC)\n",
                new ReceivedHeader("c", "c", "192.0.2.1", "TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)",
                        "h", "Tegami", "ESMTPS", "1", "a@h", DATE).text());
    }

    @Test
    void authenticatedSenderFollowsTheTlsLineAndCannotBreakTheComment() {
        assertEquals("Received: from c (c [192.0.2.1])\n"
                + "\t(using TLSv1.3 with cipher X (256/256 bits))\n"
                + "\t(Authenticated sender: a?b?c?d?)\n"
                + "\tby h (Tegami) with ESMTPSA id 1\n"
                + "\tfor <a@h>; Fri, 27 Nov 2026 20:10:00 +0000 (UTC)\n",
                new ReceivedHeader("c", "c", "192.0.2.1", "TLSv1.3 with cipher X (256/256 bits)", "a(b)c\\d\n",
                        "h", "Tegami", "ESMTPSA", "1", "a@h", DATE).text());
    }

    @Test
    void datesAreInPostfixForm() {
        assertEquals("Sat,  5 Dec 2026 09:03:07 +0100 (CET)",
                MailDate.format(ZonedDateTime.of(2026, 12, 5, 9, 3, 7, 0, ZoneId.of("Europe/Paris"))));
        assertEquals("Thu,  2 Jul 2026 08:00:00 +0900 (JST)",
                MailDate.format(ZonedDateTime.of(2026, 7, 2, 8, 0, 0, 0, ZoneId.of("Asia/Tokyo"))));
        assertEquals("Fri, 27 Nov 2026 20:10:00 +0000 (UTC)",
                MailDate.format(ZonedDateTime.of(2026, 11, 27, 20, 10, 0, 0, java.time.ZoneOffset.UTC)));
    }
}
