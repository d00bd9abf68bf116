package io.tegami.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parses values in Postfix's notations: lists, booleans and times. */
final class PostfixValues {

    /** Commas and white space between list items; compiled once (String.split compiles per call, which showed in SMTP profiles). */
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,\\s]+");

    private PostfixValues() {
    }

    /** Splits a list value at commas and white space, dropping empty items. */
    static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String item : LIST_SEPARATOR.split(value)) {
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }

    /** {@code yes}/{@code no} (also {@code true}/{@code false}), or {@code fallback} for anything else. */
    static boolean bool(String value, boolean fallback) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1" -> true;
            case "no", "false", "off", "0" -> false;
            default -> fallback;
        };
    }

    /**
     * A time value: a number with an optional unit {@code s}, {@code m}, {@code h}, {@code d} or
     * {@code w}; a bare number counts in seconds.
     *
     * @throws IllegalArgumentException if the value is not a time
     */
    static Duration duration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty time value");
        }
        char unit = v.charAt(v.length() - 1);
        String digits = Character.isDigit(unit) ? v : v.substring(0, v.length() - 1);
        long n = Long.parseLong(digits);
        return switch (Character.isDigit(unit) ? 's' : unit) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            case 'w' -> Duration.ofDays(7 * n);
            default -> throw new IllegalArgumentException("bad time unit in: " + value);
        };
    }
}
