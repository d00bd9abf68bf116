package io.tegami.queue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.tegami.api.config.MailParameters;

/** Mail parameters from a map; durations also accept {@code ms} so tests can run fast. */
final class FakeParameters implements MailParameters {

    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final Path home;

    FakeParameters(Path home) {
        this.home = home;
        set("myhostname", "mail.example.org");
        set("mydestination", "mail.example.org, Example.ORG, localhost");
        set("minimal_backoff_time", "200ms");
        set("maximal_backoff_time", "800ms");
        set("queue_run_delay", "300ms");
    }

    FakeParameters set(String name, String value) {
        values.put(name, value);
        return this;
    }

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public List<String> getList(String name) {
        return get(name).map(v -> Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    @Override
    public boolean getBoolean(String name, boolean fallback) {
        return get(name).map("yes"::equals).orElse(fallback);
    }

    @Override
    public long getLong(String name, long fallback) {
        return get(name).map(Long::parseLong).orElse(fallback);
    }

    @Override
    public Duration getDuration(String name, Duration fallback) {
        return get(name).map(FakeParameters::duration).orElse(fallback);
    }

    private static Duration duration(String v) {
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        char unit = v.charAt(v.length() - 1);
        long n = Character.isDigit(unit) ? Long.parseLong(v) : Long.parseLong(v.substring(0, v.length() - 1));
        return switch (unit) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            case 'w' -> Duration.ofDays(7 * n);
            default -> Duration.ofSeconds(n);
        };
    }

    @Override
    public Optional<Path> getPath(String name) {
        return get(name).map(home::resolve);
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
