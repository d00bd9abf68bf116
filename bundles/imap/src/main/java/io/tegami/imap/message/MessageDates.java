package io.tegami.imap.message;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Parses the Date header (RFC 5322 3.3, with the obsolete forms of 4.3: two-digit years, named
 * zones, comments) leniently, as Dovecot's message-date does: an unknown zone counts as +0000.
 */
public final class MessageDates {

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    private MessageDates() {
    }

    /**
     * The date and time with its own offset, or null if the value is no date.
     *
     * @param value the Date field's value (unfolded or not)
     */
    public static OffsetDateTime parse(String value) {
        if (value == null) {
            return null;
        }
        String[] t = tokens(value);
        int i = 0;
        if (i < t.length && t[i].endsWith(",")) {
            i++; // day of week
        } else if (i + 1 < t.length && t[i + 1].equals(",")) {
            i += 2;
        } else if (i < t.length && isDayName(t[i])) {
            i++; // day of week without its comma
        }
        try {
            if (t.length - i < 4) {
                return null;
            }
            int day = Integer.parseInt(t[i++]);
            int month = month(t[i++]);
            int year = Integer.parseInt(t[i]);
            if (t[i].length() <= 2) {
                year += year < 50 ? 2000 : 1900; // RFC 5322 4.3
            } else if (t[i].length() == 3) {
                year += 1900;
            }
            i++;
            String[] hms = t[i++].split(":");
            if (month < 0 || hms.length < 2 || hms.length > 3) {
                return null;
            }
            int hour = Integer.parseInt(hms[0]);
            int minute = Integer.parseInt(hms[1]);
            int second = hms.length == 3 ? Integer.parseInt(hms[2]) : 0;
            ZoneOffset zone = i < t.length ? zone(t[i]) : ZoneOffset.UTC;
            if (second == 60) {
                second = 59; // a leap second
            }
            return OffsetDateTime.of(LocalDateTime.of(year, month + 1, day, hour, minute, second), zone);
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /** The calendar date the header names, disregarding time and zone (SEARCH SENT*), or null. */
    public static LocalDate sentDate(String value) {
        OffsetDateTime d = parse(value);
        return d == null ? null : d.toLocalDate();
    }

    private static String[] tokens(String value) {
        // Drop comments, split on whitespace; keep a comma after the day name.
        StringBuilder sb = new StringBuilder(value.length());
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                sb.append(c == ',' ? ", " : c);
            }
        }
        return sb.toString().trim().split("[ \t\r\n]+");
    }

    private static boolean isDayName(String s) {
        return s.length() == 3 && "mon tue wed thu fri sat sun".contains(s.toLowerCase(Locale.ROOT));
    }

    private static int month(String s) {
        if (s.length() < 3) {
            return -1;
        }
        String m = s.substring(0, 3).toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(m)) {
                return i;
            }
        }
        return -1;
    }

    private static ZoneOffset zone(String z) {
        if ((z.startsWith("+") || z.startsWith("-")) && z.length() == 5) {
            try {
                int h = Integer.parseInt(z.substring(1, 3));
                int m = Integer.parseInt(z.substring(3, 5));
                if (h <= 18 && m < 60) {
                    int sign = z.charAt(0) == '-' ? -1 : 1;
                    return ZoneOffset.ofHoursMinutes(sign * h, sign * m);
                }
            } catch (NumberFormatException | DateTimeException e) {
                return ZoneOffset.UTC;
            }
            return ZoneOffset.UTC;
        }
        return switch (z.toUpperCase(Locale.ROOT)) {
            case "EDT" -> ZoneOffset.ofHours(-4);
            case "EST", "CDT" -> ZoneOffset.ofHours(-5);
            case "CST", "MDT" -> ZoneOffset.ofHours(-6);
            case "MST", "PDT" -> ZoneOffset.ofHours(-7);
            case "PST" -> ZoneOffset.ofHours(-8);
            default -> ZoneOffset.UTC; // UT, GMT, Z, military zones (RFC 5322 4.3: treat as -0000)
        };
    }
}
