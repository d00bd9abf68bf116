package io.tegami.api.mail;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * RFC 5322 dates as Postfix's {@code mail_date()} writes them in {@code Received:} and
 * {@code Date:} headers: {@code Fri, 27 Nov 2026 20:10:00 +0000 (UTC)}, the day of month padded
 * with a space ({@code Sat,  5 Dec ...}) like strftime's {@code %e}, the zone's abbreviation in
 * parentheses when it has one.
 *
 * @since 1.2
 */
public final class MailDate {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, ppd MMM yyyy HH:mm:ss xx", Locale.US);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

    /** The last zone abbreviation computed: looking names up showed in SMTP profiles. */
    private record ZoneText(ZoneId zone, int offsetSeconds, String text) {
    }

    private static volatile ZoneText last;

    private MailDate() {
    }

    /** The date and time in Postfix's form. */
    public static String format(ZonedDateTime time) {
        return FORMAT.format(time) + zoneSuffix(time);
    }

    private static String zoneSuffix(ZonedDateTime time) {
        int offset = time.getOffset().getTotalSeconds();
        ZoneText cached = last;
        if (cached == null || !cached.zone().equals(time.getZone()) || cached.offsetSeconds() != offset) {
            String zone = ZONE.format(time);
            // A bare offset zone prints as "Z" or "+09:00"; Postfix would say "UTC" or nothing.
            if (zone.equals("Z")) {
                zone = "UTC";
            }
            cached = new ZoneText(time.getZone(), offset,
                    zone.startsWith("+") || zone.startsWith("-") ? "" : " (" + zone + ")");
            last = cached;
        }
        return cached.text();
    }
}
