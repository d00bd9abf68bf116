package io.tegami.api.config.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.tegami.api.config.MailParameters;
import io.tegami.api.config.ParameterExpander;

/**
 * {@link MailParameters} over plain maps, for unit tests of bundles and plugins: published in
 * the api test-jar so that every module tests against the same fake.
 *
 * <p>It behaves like the config bundle's implementation: explicit values ({@link #set}) win over
 * defaults ({@link #withDefaults}); {@link #get} expands {@code $name}, {@code ${name}},
 * {@code $(name)} and the {@code ${name?value}}/{@code ${name:value}} forms, unknown names
 * becoming empty; booleans, numbers and times are parsed as Postfix does, a malformed value
 * giving the fallback. {@link #defaults()} and {@link #explicit()} return what the test put in,
 * unexpanded, as {@code postconf -d}/{@code -n} would print it. Values may change while a test
 * runs, from any thread.
 */
public final class MapMailParameters implements MailParameters {

    private final Path home;
    private final Map<String, String> defaults = new ConcurrentHashMap<>();
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final ParameterExpander expander = new ParameterExpander(this::raw);

    /** A fake with Tegami's home at {@code home}, no defaults and nothing set. */
    public MapMailParameters(Path home) {
        this.home = home;
    }

    /** A fake with Tegami's home at {@code home} and the given defaults ({@code postconf -d}). */
    public MapMailParameters(Path home, Map<String, String> defaults) {
        this(home);
        withDefaults(defaults);
    }

    /**
     * A fake with {@code home} and the given {@code name, value} pairs set explicitly.
     *
     * @throws IllegalArgumentException if a name has no value
     */
    public static MapMailParameters of(Path home, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs: " + Arrays.toString(namesAndValues));
        }
        MapMailParameters p = new MapMailParameters(home);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            p.set(namesAndValues[i], namesAndValues[i + 1]);
        }
        return p;
    }

    /** Sets a parameter explicitly ({@code postconf -e}), or with {@code null} removes it ({@code -X}). */
    public MapMailParameters set(String name, String value) {
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
        return this;
    }

    /** Adds defaults, replacing those of the same names; explicit values still win over them. */
    public MapMailParameters withDefaults(Map<String, String> moreDefaults) {
        defaults.putAll(moreDefaults);
        return this;
    }

    /** Removes every explicit value, as an empty {@code main.cf} would; the defaults stay. */
    public MapMailParameters clear() {
        values.clear();
        return this;
    }

    private String raw(String name) {
        String value = values.get(name);
        return value != null ? value : defaults.get(name);
    }

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(expander.valueOf(name));
    }

    @Override
    public List<String> getList(String name) {
        return get(name).map(v -> Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    @Override
    public boolean getBoolean(String name, boolean fallback) {
        return get(name).map(v -> switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1" -> true;
            case "no", "false", "off", "0" -> false;
            default -> fallback;
        }).orElse(fallback);
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
        String v = get(name).map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("");
        if (v.isEmpty()) {
            return fallback;
        }
        char unit = v.charAt(v.length() - 1);
        long n;
        try {
            n = Long.parseLong(Character.isDigit(unit) ? v : v.substring(0, v.length() - 1));
        } catch (NumberFormatException e) {
            return fallback;
        }
        return switch (Character.isDigit(unit) ? 's' : unit) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            case 'w' -> Duration.ofDays(7 * n);
            default -> fallback;
        };
    }

    @Override
    public Optional<Path> getPath(String name) {
        return get(name).filter(v -> !v.isBlank()).map(v -> home.resolve(v.trim()).normalize());
    }

    @Override
    public Path home() {
        return home;
    }

    /** The defaults given, unexpanded and sorted by name. */
    @Override
    public Map<String, String> defaults() {
        return Collections.unmodifiableMap(new TreeMap<>(defaults));
    }

    /** The explicit values set, unexpanded and sorted by name. */
    @Override
    public Map<String, String> explicit() {
        return Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
