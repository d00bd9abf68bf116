package io.tegami.smtp.data;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * RFC 5322 dates as Postfix's {@code mail_date()} writes them: {@code Fri, 27 Nov 2026 20:10:00 +0000 (UTC)},
 * with the day of month padded by a space ({@code Sat,  5 Dec ...}) like strftime's {@code %e}.
 */
public final class MailDate {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, ppd MMM yyyy HH:mm:ss xx", Locale.US);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

    private MailDate() {
    }

    public static String format(ZonedDateTime time) {
        String zone = ZONE.format(time);
        // A bare offset zone prints as "Z" or "+09:00"; Postfix would say "UTC" or nothing.
        if (zone.equals("Z")) {
            zone = "UTC";
        }
        String date = FORMAT.format(time);
        return zone.startsWith("+") || zone.startsWith("-") ? date : date + " (" + zone + ")";
    }
}
