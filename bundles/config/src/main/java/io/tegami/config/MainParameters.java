package io.tegami.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.tegami.api.config.MailParameters;
import io.tegami.api.config.ParameterExpander;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code main.cf} of Tegami: the ConfigAdmin configuration {@value MailParameters#PID}, over
 * Postfix's defaults, with {@code $name} expansion.
 *
 * <p>Changes arrive through {@code @Modified}, so consumers that read parameters when they need
 * them see new values without a restart. The configuration is optional: without one every
 * parameter has its default.
 */
@Component(service = MailParameters.class, configurationPid = MailParameters.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
public final class MainParameters implements MailParameters {

    private static final Logger LOG = LoggerFactory.getLogger(MainParameters.class);

    /** Parameter names are Postfix's: lower case words joined by underscores, never dots. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final Map<String, String> defaults;
    private final Path home;
    private volatile Snapshot snapshot;

    /**
     * One configuration revision, replaced whole on every change. Expanded values are cached per
     * revision: every SMTP command and delivery reads dozens of parameters, and expanding
     * {@code $name} chains each time showed in profiles.
     */
    private record Snapshot(Map<String, String> explicit, ParameterExpander expander,
            Map<String, Optional<String>> expanded) {

        Optional<String> value(String name) {
            Optional<String> cached = expanded.get(name);
            if (cached == null) {
                cached = Optional.ofNullable(expander.valueOf(name));
                expanded.put(name, cached);
            }
            return cached;
        }
    }

    public MainParameters() {
        this(PostfixDefaults.forHost(PostfixDefaults.localHostName()),
                Path.of(System.getProperty("tegami.home", System.getProperty("user.dir"))));
    }

    MainParameters(Map<String, String> defaults, Path home) {
        this.defaults = defaults;
        this.home = home.toAbsolutePath().normalize();
        this.snapshot = snapshotOf(Map.of());
    }

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        Map<String, String> explicit = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (NAME.matcher(key).matches() && value != null) {
                explicit.put(key, String.valueOf(value).trim());
            }
        });
        snapshot = snapshotOf(explicit);
        LOG.info("mail parameters: {} set explicitly, home {}", explicit.size(), home);
    }

    private Snapshot snapshotOf(Map<String, String> explicit) {
        Map<String, String> explicitCopy = Collections.unmodifiableMap(new TreeMap<>(explicit));
        ParameterExpander[] self = new ParameterExpander[1];
        self[0] = new ParameterExpander(name -> {
            if (explicitCopy.containsKey(name)) {
                return explicitCopy.get(name);
            }
            if (name.equals("mydomain") && explicitCopy.containsKey("myhostname")) {
                // As in Postfix, mydomain's default derives from myhostname, even a configured one.
                return PostfixDefaults.domainOf(self[0].valueOf("myhostname"));
            }
            return defaults.get(name);
        });
        return new Snapshot(explicitCopy, self[0], new ConcurrentHashMap<>());
    }

    @Override
    public Optional<String> get(String name) {
        return snapshot.value(name);
    }

    @Override
    public List<String> getList(String name) {
        return get(name).map(PostfixValues::list).orElse(List.of());
    }

    @Override
    public boolean getBoolean(String name, boolean fallback) {
        return get(name).map(v -> PostfixValues.bool(v, fallback)).orElse(fallback);
    }

    @Override
    public long getLong(String name, long fallback) {
        Optional<String> value = get(name);
        if (value.isEmpty() || value.get().isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.get().trim());
        } catch (NumberFormatException e) {
            LOG.warn("{}: not a number: {}; using {}", name, value.get(), fallback);
            return fallback;
        }
    }

    @Override
    public Duration getDuration(String name, Duration fallback) {
        Optional<String> value = get(name);
        if (value.isEmpty() || value.get().isBlank()) {
            return fallback;
        }
        try {
            return PostfixValues.duration(value.get());
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: not a time: {}; using {}", name, value.get(), fallback);
            return fallback;
        }
    }

    @Override
    public Optional<Path> getPath(String name) {
        return get(name).filter(v -> !v.isBlank()).map(v -> home.resolve(v.trim()).normalize());
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public Map<String, String> defaults() {
        return defaults;
    }

    @Override
    public Map<String, String> explicit() {
        return snapshot.explicit();
    }
}
