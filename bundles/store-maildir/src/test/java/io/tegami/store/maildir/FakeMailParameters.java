package io.tegami.store.maildir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tegami.api.config.MailParameters;

/** MailParameters over a map, with Tegami's home at a test directory; {@code $name} is expanded. */
final class FakeMailParameters implements MailParameters {

    private final Path home;
    final Map<String, String> values = new HashMap<>();

    FakeMailParameters(Path home) {
        this.home = home;
        values.put("data_directory", "data");
        values.put("mail_location", "maildir:~/Maildir");
    }

    @Override
    public Optional<String> get(String name) {
        String v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        // Enough expansion for the defaults used here: "$name/..." at the start.
        if (v.startsWith("$")) {
            int slash = v.indexOf('/');
            String ref = slash < 0 ? v.substring(1) : v.substring(1, slash);
            return Optional.of(get(ref).orElse("") + (slash < 0 ? "" : v.substring(slash)));
        }
        return Optional.of(v);
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
        return get(name).map(v -> home.resolve(v));
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
