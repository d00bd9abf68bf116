package io.tegami.smtp.data;

import java.time.ZonedDateTime;

import io.tegami.api.mail.MailDate;

/**
 * {@link MailDate#format} for the {@code Received:} header, formatted once per second: the text
 * has second resolution and depends only on the instant's second and the zone, and formatting it
 * (day and month names, padding, offset) showed in SMTP profiles for every message.
 */
final class MailDateCache {

    private record Formatted(long epochSecond, ZonedDateTime time, String text) {
    }

    private static volatile Formatted last;

    private MailDateCache() {
    }

    /** The same text as {@link MailDate#format(ZonedDateTime)}. */
    static String format(ZonedDateTime time) {
        long second = time.toEpochSecond();
        Formatted cached = last;
        if (cached != null && cached.epochSecond() == second && cached.time().getZone().equals(time.getZone())
                && cached.time().getOffset().equals(time.getOffset())) {
            return cached.text();
        }
        String text = MailDate.format(time);
        last = new Formatted(second, time, text);
        return text;
    }
}
