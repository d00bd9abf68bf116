package io.tegami.imap.protocol;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/**
 * RFC 3501's {@code date} ({@code 1-Feb-1994}) and {@code date-time}
 * ({@code "17-Jul-1996 02:44:25 -0700"}), read strictly and written as Dovecot writes them.
 */
public final class ImapDates {

    private static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    private ImapDates() {
    }

    /** Parses {@code date-day "-" date-month "-" date-year}; the day has one or two digits. */
    public static LocalDate parseDate(String text) throws ParseException {
        String[] p = text.split("-", -1);
        if (p.length != 3 || p[0].isEmpty() || p[0].length() > 2 || p[2].length() != 4) {
            throw new ParseException("Invalid date.");
        }
        try {
            return LocalDate.of(digits(p[2]), month(p[1]), digits(p[0]));
        } catch (DateTimeException e) {
            throw new ParseException("Invalid date.");
        }
    }

    /** Parses the inside of a quoted {@code date-time}: {@code dd-Mon-yyyy hh:mm:ss +zzzz}, day space-padded or not. */
    public static Instant parseDateTime(String text) throws ParseException {
        String t = text.startsWith(" ") ? text.substring(1) : text;
        String[] p = t.split(" ", -1);
        if (p.length != 3 || p[1].length() != 8 || p[2].length() != 5) {
            throw new ParseException("Invalid date-time.");
        }
        LocalDate date = parseDate(p[0]);
        String[] hms = p[1].split(":", -1);
        if (hms.length != 3 || hms[0].length() != 2 || hms[1].length() != 2 || hms[2].length() != 2) {
            throw new ParseException("Invalid date-time.");
        }
        char sign = p[2].charAt(0);
        if (sign != '+' && sign != '-') {
            throw new ParseException("Invalid date-time.");
        }
        try {
            int zh = digits(p[2].substring(1, 3));
            int zm = digits(p[2].substring(3, 5));
            ZoneOffset zone = ZoneOffset.ofHoursMinutes(sign == '-' ? -zh : zh, sign == '-' ? -zm : zm);
            LocalDateTime local = date.atTime(digits(hms[0]), digits(hms[1]), digits(hms[2]));
            return local.toInstant(zone);
        } catch (DateTimeException e) {
            throw new ParseException("Invalid date-time.");
        }
    }

    /** Formats an INTERNALDATE, without the quotes, in the server's time zone. */
    public static String formatDateTime(Instant instant, ZoneId zone) {
        ZonedDateTime z = instant.atZone(zone);
        int offset = z.getOffset().getTotalSeconds() / 60;
        char sign = offset < 0 ? '-' : '+';
        offset = Math.abs(offset);
        return String.format(Locale.ROOT, "%02d-%s-%04d %02d:%02d:%02d %c%02d%02d", z.getDayOfMonth(),
                MONTHS.get(z.getMonthValue() - 1), z.getYear(), z.getHour(), z.getMinute(), z.getSecond(), sign,
                offset / 60, offset % 60);
    }

    private static int month(String name) throws ParseException {
        for (int i = 0; i < MONTHS.size(); i++) {
            if (MONTHS.get(i).equalsIgnoreCase(name)) {
                return i + 1;
            }
        }
        throw new ParseException("Invalid date.");
    }

    private static int digits(String s) throws ParseException {
        if (s.isEmpty()) {
            throw new ParseException("Invalid date.");
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new ParseException("Invalid date.");
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
