package io.tegami.shell.doveadm;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date and size parameters of doveadm search keys: a day ({@code 2026-11-28} or IMAP's
 * {@code 28-Nov-2026}), a UNIX time ({@code 1700000000}) or an interval back from now
 * ({@code 30d}, {@code 2weeks}, {@code 12 hours}); sizes in bytes with an optional unit
 * ({@code 1k}, {@code 10M}, 1024-based).
 */
final class SearchDates {

    private static final Pattern INTERVAL = Pattern.compile(
            "(\\d+)\\s*(weeks?|w|days?|d|hours?|h|mins?|m|secs?|s)", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter IMAP_DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d-MMM-yyyy").toFormatter(Locale.ROOT);
    private static final Pattern SIZE = Pattern.compile("(\\d+)([bBkKmMgGtT]?)");

    private final Clock clock;
    private final ZoneId zone;

    SearchDates(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** A date key; {@code Invalid search date parameter: x} for anything else. */
    SearchKey key(SearchKey.DateField field, SearchKey.DateOp op, String value) {
        String v = value.trim();
        Matcher m = INTERVAL.matcher(v);
        if (m.matches()) {
            Duration unit = switch (Character.toLowerCase(m.group(2).charAt(0))) {
                case 'w' -> Duration.ofDays(7);
                case 'd' -> Duration.ofDays(1);
                case 'h' -> Duration.ofHours(1);
                case 'm' -> Duration.ofMinutes(1);
                default -> Duration.ofSeconds(1);
            };
            try {
                Instant at = clock.instant().minus(unit.multipliedBy(number(m.group(1), value)));
                return new SearchKey.Date(field, op, null, at, zone);
            } catch (ArithmeticException | DateTimeException e) {
                throw DoveadmException.fatal("Invalid search date parameter: " + value); // before the year -1000000000
            }
        }
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
            return new SearchKey.Date(field, op, null, Instant.ofEpochSecond(number(v, value)), zone);
        }
        try {
            return new SearchKey.Date(field, op, LocalDate.parse(v), null, zone);
        } catch (DateTimeParseException e) {
            // not ISO: try IMAP's form
        }
        try {
            return new SearchKey.Date(field, op, LocalDate.parse(v, IMAP_DATE), null, zone);
        } catch (DateTimeParseException e) {
            throw DoveadmException.fatal("Invalid search date parameter: " + value);
        }
    }

    /** {@code OLDER n} / {@code YOUNGER n} (RFC 5032 WITHIN): seconds back from now. */
    SearchKey within(boolean older, String seconds) {
        if (seconds.isEmpty() || !seconds.chars().allMatch(Character::isDigit)) {
            throw DoveadmException.fatal("Invalid search date parameter: " + seconds);
        }
        Instant at = clock.instant().minusSeconds(number(seconds, seconds));
        // OLDER n: at least n seconds old; YOUNGER n: less than n seconds old.
        return older ? new SearchKey.Not(new SearchKey.Date(SearchKey.DateField.RECEIVED, SearchKey.DateOp.SINCE,
                null, at.plusSeconds(1), zone))
                : new SearchKey.Date(SearchKey.DateField.RECEIVED, SearchKey.DateOp.SINCE, null, at.plusSeconds(1), zone);
    }

    /** A size in bytes; {@code Invalid size: x} otherwise. */
    static long size(String value) {
        Matcher m = SIZE.matcher(value.trim());
        if (!m.matches() || m.group(1).length() > 15) {
            throw DoveadmException.fatal("Invalid size: " + value);
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        if (n > (Long.MAX_VALUE >> shift)) {
            throw DoveadmException.fatal("Invalid size: " + value);
        }
        return n << shift;
    }

    private static long number(String digits, String original) {
        if (digits.length() > 12) {
            throw DoveadmException.fatal("Invalid search date parameter: " + original);
        }
        return Long.parseLong(digits);
    }
}
