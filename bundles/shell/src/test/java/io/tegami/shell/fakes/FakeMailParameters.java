package io.tegami.shell.fakes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tegami.api.config.MailParameters;

/** Mail parameters from two maps, with a simple {@code $name} expansion. */
public final class FakeMailParameters implements MailParameters {

    private static final Pattern REF = Pattern.compile("\\$\\{?([A-Za-z0-9_]+)\\}?");

    private final Map<String, String> defaults = new HashMap<>();
    private final Map<String, String> explicit = new HashMap<>();
    private final Path home;

    public FakeMailParameters(Path home) {
        this.home = home;
    }

    public FakeMailParameters withDefault(String name, String value) {
        defaults.put(name, value);
        return this;
    }

    public FakeMailParameters withExplicit(String name, String value) {
        explicit.put(name, value);
        return this;
    }

    @Override
    public Optional<String> get(String name) {
        String raw = explicit.getOrDefault(name, defaults.get(name));
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = REF.matcher(raw);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(get(m.group(1)).orElse("")));
        }
        m.appendTail(sb);
        return Optional.of(sb.toString());
    }

    @Override
    public List<String> getList(String name) {
        return get(name).map(v -> Arrays.asList(v.trim().split("[,\\s]+"))).orElse(List.of());
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
        return Map.copyOf(defaults);
    }

    @Override
    public Map<String, String> explicit() {
        return Map.copyOf(explicit);
    }
}
