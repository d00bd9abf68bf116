package io.tegami.smtp.session;

import java.time.Duration;
import java.util.Locale;

/** Time parameters in Postfix's notation: a number with an optional unit s, m, h, d or w (seconds when bare). */
public final class SmtpTimes {

    private SmtpTimes() {
    }

    /** The parameter as a duration (listener option first); {@code fallback} when unset or malformed. */
    public static Duration duration(SmtpSettings settings, String name, Duration fallback) {
        return parse(settings.get(name, null), fallback);
    }

    static Duration parse(String value, Duration fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        char last = v.charAt(v.length() - 1);
        long unit = switch (last) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86400;
            case 'w' -> 604800;
            default -> 0;
        };
        String number = unit == 0 ? v : v.substring(0, v.length() - 1).trim();
        try {
            long n = Long.parseLong(number);
            return n < 0 ? fallback : Duration.ofSeconds(Math.multiplyExact(n, unit == 0 ? 1 : unit));
        } catch (NumberFormatException | ArithmeticException e) {
            return fallback;
        }
    }
}
