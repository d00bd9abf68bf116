package io.tegami.smtp.fake;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tegami.api.config.MailParameters;

/** Parameters from a map, already expanded, as the config bundle would give them. */
public final class FakeMailParameters implements MailParameters {

    private final Map<String, String> values = new HashMap<>();

    public FakeMailParameters set(String name, String value) {
        values.put(name, value);
        return this;
    }

    /** The set-up most tests use: host "host", alice as the local user's domain "localhost". */
    public static FakeMailParameters standard() {
        return new FakeMailParameters()
                .set("myhostname", "host")
                .set("mydomain", "example.org")
                .set("myorigin", "host")
                .set("mydestination", "host, localhost.example.org, localhost");
    }

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public List<String> getList(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? List.of() : List.of(v.trim().split("[,\\s]+"));
    }

    @Override
    public boolean getBoolean(String name, boolean fallback) {
        String v = values.get(name);
        return v == null ? fallback : v.equalsIgnoreCase("yes");
    }

    @Override
    public long getLong(String name, long fallback) {
        String v = values.get(name);
        return v == null ? fallback : Long.parseLong(v);
    }

    @Override
    public Duration getDuration(String name, Duration fallback) {
        return fallback;
    }

    @Override
    public Optional<Path> getPath(String name) {
        return get(name).map(Path::of);
    }

    @Override
    public Path home() {
        return Path.of(".");
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
