package io.tegami.sieve;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** RFC 2822 date parsing and the date-parts of RFC 5260 section 4.2. */
final class DateParts {

    private static final LocalDate MJD_EPOCH = LocalDate.of(1858, 11, 17);

    private DateParts() {
    }

    /** The date at the end of a field (after the last ';' as in Received), or null if invalid. */
    static ZonedDateTime parse(String field) {
        String text = field.substring(field.lastIndexOf(';') + 1).trim();
        // A trailing comment such as "(PST)" is not part of the date.
        text = text.replaceAll("\\s*\\([^)]*\\)\\s*$", "").replaceAll("\\s+", " ");
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The date-part's value, or null for an unknown part (which then matches nothing). */
    static String part(ZonedDateTime t, String part) {
        return switch (part.toLowerCase(Locale.ROOT)) {
            case "year" -> String.format("%04d", t.getYear());
            case "month" -> String.format("%02d", t.getMonthValue());
            case "day" -> String.format("%02d", t.getDayOfMonth());
            case "date" -> String.format("%04d-%02d-%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
            case "julian" -> String.valueOf(ChronoUnit.DAYS.between(MJD_EPOCH, t.toLocalDate()));
            case "hour" -> String.format("%02d", t.getHour());
            case "minute" -> String.format("%02d", t.getMinute());
            case "second" -> String.format("%02d", t.getSecond());
            case "time" -> String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
            case "iso8601" -> t.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case "std11" -> t.format(DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH));
            case "zone" -> t.format(DateTimeFormatter.ofPattern("xx"));
            case "weekday" -> String.valueOf(t.getDayOfWeek().getValue() % 7);
            default -> null;
        };
    }
}
