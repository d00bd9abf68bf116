package io.tegami.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tegami.api.config.MailParameters;

/** Mail parameters from a map, without expansion: enough for the TLS provider. */
final class FakeParameters implements MailParameters {

    final Map<String, String> values = new HashMap<>();
    private final Path home;

    FakeParameters(Path home, String... pairs) {
        this.home = home;
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
    }

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public List<String> getList(String name) {
        return get(name).map(v -> Arrays.asList(v.split("[,\\s]+"))).orElse(List.of());
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
        return fallback;
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
