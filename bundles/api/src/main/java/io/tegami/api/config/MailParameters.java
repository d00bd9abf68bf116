package io.tegami.api.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The mail system's parameters ({@code main.cf}), expanded.
 *
 * <p>Values change at run time when an admin edits the configuration; read them when needed
 * rather than once at start-up. Lookups are cheap.
 */
@ProviderType
public interface MailParameters {

    /** The ConfigAdmin PID that holds the parameters ({@code configs/tegami.main.cfg}). */
    String PID = "tegami.main";

    /**
     * A parameter's value with {@code $name} and {@code ${name}} references expanded.
     *
     * @return the value, or empty if the parameter is neither set nor known
     */
    Optional<String> get(String name);

    /** A parameter's value, or {@code fallback}. */
    default String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    /** A list parameter split at commas and white space, as Postfix does ({@code mydestination}). */
    List<String> getList(String name);

    /** A {@code yes}/{@code no} parameter. */
    boolean getBoolean(String name, boolean fallback);

    /** A numeric parameter. */
    long getLong(String name, long fallback);

    /**
     * A time parameter in Postfix's notation: a number with an optional unit {@code s}, {@code m},
     * {@code h}, {@code d} or {@code w}; a bare number counts in seconds.
     */
    Duration getDuration(String name, Duration fallback);

    /**
     * A path parameter, resolved against Tegami's home directory when relative
     * ({@code queue_directory = data/spool}).
     */
    Optional<Path> getPath(String name);

    /** Tegami's home directory: the distribution folder, or the {@code tegami.home} system property. */
    Path home();

    /** Every parameter Tegami knows, with its default value, unexpanded ({@code postconf -d}). */
    Map<String, String> defaults();

    /** The parameters set explicitly in configuration, unexpanded ({@code postconf -n}). */
    Map<String, String> explicit();
}
