package io.tegami.examples.greylist;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The policy's configuration, from ConfigAdmin PID {@value #PID}, with postgrey's defaults.
 * Time values take Postfix's units ({@code 300}, {@code 300s}, {@code 5m}, {@code 35d}; seconds
 * when none is given).
 *
 * @param delay how long a new triplet must wait before a retry is accepted (postgrey {@code --delay})
 * @param maxAge how long a triplet, or an auto-whitelisted client, is remembered after it was last
 *        seen (postgrey {@code --max-age})
 * @param retryWindow how long after the first attempt a retry still counts; later, the triplet starts
 *        over (postgrey {@code --retry-window})
 * @param autoWhitelistClients after this many triplets of one client network passed, the network
 *        is no longer greylisted; 0 turns it off (postgrey {@code --auto-whitelist-clients})
 * @param maxEntries how many triplets (and as many client networks) are kept in memory; the least
 *        recently used go first
 * @param text the text of the deferral; {@code %r} is the recipient's domain, {@code %s} the
 *        seconds left (postgrey {@code --greylist-text})
 */
public record GreylistSettings(Duration delay, Duration maxAge, Duration retryWindow, int autoWhitelistClients,
        int maxEntries, String text) {

    /** The ConfigAdmin PID the policy reads. */
    public static final String PID = "io.tegami.examples.greylist";

    /** postgrey's defaults, and 100,000 triplets. */
    public static final GreylistSettings DEFAULTS = new GreylistSettings(Duration.ofSeconds(300), Duration.ofDays(35),
            Duration.ofDays(2), 5, 100_000, "Greylisted, see http://postgrey.schweikert.ch/help/%r.html");

    public GreylistSettings {
        if (delay.isNegative() || maxAge.isNegative() || retryWindow.isNegative()) {
            throw new IllegalArgumentException("times must not be negative");
        }
        if (autoWhitelistClients < 0 || maxEntries < 1) {
            throw new IllegalArgumentException("auto_whitelist_clients must be >= 0 and max_entries >= 1");
        }
        if (text.isBlank() || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("greylist_text must be one non-empty line");
        }
    }

    /**
     * Reads the configuration properties ({@code delay}, {@code max_age}, {@code retry_window},
     * {@code auto_whitelist_clients}, {@code max_entries}, {@code greylist_text}); absent ones keep
     * their defaults.
     *
     * @throws IllegalArgumentException for a value that is not valid, naming it
     */
    public static GreylistSettings from(Map<String, ?> properties) {
        GreylistSettings d = DEFAULTS;
        return new GreylistSettings(
                time(properties, "delay", d.delay()),
                time(properties, "max_age", d.maxAge()),
                time(properties, "retry_window", d.retryWindow()),
                (int) number(properties, "auto_whitelist_clients", d.autoWhitelistClients()),
                (int) number(properties, "max_entries", d.maxEntries()),
                properties.get("greylist_text") == null ? d.text() : properties.get("greylist_text").toString().strip());
    }

    private static Duration time(Map<String, ?> properties, String name, Duration fallback) {
        Object value = properties.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return Duration.ofSeconds(n.longValue());
        }
        String text = value.toString().strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return fallback;
        }
        char unit = text.charAt(text.length() - 1);
        String digits = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
        long amount;
        try {
            amount = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad time value for " + name + ": " + value);
        }
        return switch (Character.isDigit(unit) ? 's' : unit) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            case 'w' -> Duration.ofDays(7 * amount);
            default -> throw new IllegalArgumentException("bad time unit for " + name + ": " + value);
        };
    }

    private static long number(Map<String, ?> properties, String name, long fallback) {
        Object value = properties.get(name);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number for " + name + ": " + value);
        }
    }
}
