package io.tegami.auth.plain;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dovecot's time values ({@code 2 secs}, {@code 500 msecs}, {@code 1 min}), and Postfix's
 * ({@code 2s}) since admins mix them in one file. A bare number counts seconds.
 */
final class DovecotTime {

    private static final Pattern TIME = Pattern.compile("(\\d{1,9})\\s*([a-z]*)");

    private DovecotTime() {
    }

    /** The value as a duration, or {@code fallback} when it cannot be read. */
    static Duration parse(String value, Duration fallback) {
        Matcher m = TIME.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return fallback;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "", "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(n);
            case "ms", "msec", "msecs", "millisecond", "milliseconds" -> Duration.ofMillis(n);
            case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(n);
            case "h", "hour", "hours" -> Duration.ofHours(n);
            default -> fallback;
        };
    }
}
