package io.tegami.api.config.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.tegami.api.config.MailParameters;

/**
 * {@link MailParameters} over a plain map, for unit tests of bundles and plugins: published in
 * the api test-jar so that every module tests against the same fake. Values are used as given
 * ({@code $name} references are not expanded); {@link #set} changes them while a test runs.
 */
public final class MapMailParameters implements MailParameters {

    private final Path home;
    private final Map<String, String> values = new ConcurrentHashMap<>();

    public MapMailParameters(Path home) {
        this.home = home;
    }

    /** A fake with {@code home} and the given {@code name, value} pairs. */
    public static MapMailParameters of(Path home, String... namesAndValues) {
        MapMailParameters p = new MapMailParameters(home);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            p.set(namesAndValues[i], namesAndValues[i + 1]);
        }
        return p;
    }

    /** Sets (or, with {@code null}, removes) a parameter. */
    public MapMailParameters set(String name, String value) {
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
        return this;
    }

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public List<String> getList(String name) {
        return get(name).map(v -> Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    @Override
    public boolean getBoolean(String name, boolean fallback) {
        return get(name).map(v -> v.trim().toLowerCase(Locale.ROOT))
                .map(v -> v.equals("yes") || v.equals("true") || (!v.equals("no") && !v.equals("false") && fallback))
                .orElse(fallback);
    }

    @Override
    public long getLong(String name, long fallback) {
        try {
            return get(name).map(String::trim).map(Long::parseLong).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public Duration getDuration(String name, Duration fallback) {
        Optional<String> value = get(name).map(String::trim).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return fallback;
        }
        String v = value.get();
        char unit = v.charAt(v.length() - 1);
        long n = Long.parseLong(Character.isDigit(unit) ? v : v.substring(0, v.length() - 1));
        return switch (Character.isDigit(unit) ? 's' : unit) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            case 'w' -> Duration.ofDays(7 * n);
            default -> Duration.ofSeconds(n);
        };
    }

    @Override
    public Optional<Path> getPath(String name) {
        return get(name).filter(v -> !v.isBlank()).map(v -> home.resolve(v.trim()));
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of();
    }

    @Override
    public Map<String, String> explicit() {
        return Map.copyOf(values);
    }
}
