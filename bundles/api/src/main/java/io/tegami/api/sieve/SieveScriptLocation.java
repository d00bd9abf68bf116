package io.tegami.api.sieve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a user's Sieve scripts live, in Pigeonhole's layout, so that delivery and ManageSieve
 * agree: the scripts are {@code ~/sieve/NAME.sieve} and the active one is the symbolic link
 * {@code ~/.dovecot.sieve} pointing at {@code sieve/NAME.sieve}. The layout comes from the
 * {@code sieve} setting, {@code file:~/sieve;active=~/.dovecot.sieve} by default; {@code ~} is the
 * user's home, and no script path may leave the home (a link pointing elsewhere is ignored).
 * {@link #global} reads {@code sieve_before} / {@code sieve_after}: a script file or a directory
 * whose {@code *.sieve} files run in name order.
 */
public final class SieveScriptLocation {

    /** Pigeonhole's default for the {@code sieve} setting. */
    public static final String DEFAULT = "file:~/sieve;active=~/.dovecot.sieve";

    /** The file name suffix of scripts. */
    public static final String SUFFIX = ".sieve";

    private final Path home;
    private final Path directory;
    private final Path active;

    private SieveScriptLocation(Path home, Path directory, Path active) {
        this.home = home;
        this.directory = directory;
        this.active = active;
    }

    /**
     * Reads a {@code sieve} setting ({@code [file:]PATH[;active=PATH]}, other {@code ;key=value}
     * options ignored) for a user.
     *
     * @param spec the setting; blank means {@link #DEFAULT}
     * @param home the user's home directory
     * @throws IllegalArgumentException when a path is outside the home
     */
    public static SieveScriptLocation of(String spec, Path home) {
        String s = spec == null || spec.isBlank() ? DEFAULT : spec.strip();
        if (s.startsWith("file:")) {
            s = s.substring("file:".length());
        }
        String[] parts = s.split(";");
        Path h = home.toAbsolutePath().normalize();
        Path dir = inside(h, expand(parts[0], h));
        Path act = h.resolve(".dovecot.sieve");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("active=")) {
                act = inside(h, expand(parts[i].substring("active=".length()), h));
            }
        }
        return new SieveScriptLocation(h, dir, act);
    }

    /** The directory of the user's scripts ({@code ~/sieve}). */
    public Path directory() {
        return directory;
    }

    /** The active-script link ({@code ~/.dovecot.sieve}). */
    public Path activeLink() {
        return active;
    }

    /** Whether a script name is acceptable: no path separators, no leading dot, no controls. */
    public static boolean validName(String name) {
        if (name == null || name.isEmpty() || name.length() > 255 || name.startsWith(".")) {
            return false;
        }
        return name.chars().noneMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7f);
    }

    /** The file of the script {@code name} ({@code ~/sieve/NAME.sieve}). */
    public Path script(String name) {
        if (!validName(name)) {
            throw new IllegalArgumentException("invalid script name: " + name);
        }
        return directory.resolve(name + SUFFIX);
    }

    /**
     * The active script's file, or empty when there is none. A regular file at the link's place
     * counts (Pigeonhole accepts it too); a link that leads out of the home does not.
     */
    public Optional<Path> activeScript() {
        try {
            if (!Files.exists(active)) {
                return Optional.empty();
            }
            Path real = active.toRealPath();
            Path realHome = home.toRealPath();
            return real.startsWith(realHome) && Files.isRegularFile(real) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The active script's name ({@code NAME} of {@code sieve/NAME.sieve}), or empty. */
    public Optional<String> activeName() {
        try {
            if (!Files.isSymbolicLink(active)) {
                return Optional.empty();
            }
            String target = Files.readSymbolicLink(active).getFileName().toString();
            return target.endsWith(SUFFIX) && activeScript().isPresent()
                    ? Optional.of(target.substring(0, target.length() - SUFFIX.length())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Makes {@code name} the active script: the link is replaced atomically by one with a path
     * relative to the link's directory ({@code sieve/NAME.sieve}), as Pigeonhole writes it.
     */
    public void activate(String name) throws IOException {
        Path target = active.getParent().relativize(script(name));
        Path tmp = active.resolveSibling(active.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, target);
        Files.move(tmp, active, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the active-script link, if it is a link. */
    public void deactivate() throws IOException {
        if (Files.isSymbolicLink(active)) {
            Files.delete(active);
        }
    }

    /**
     * The global scripts of {@code sieve_before} or {@code sieve_after}: the file itself, or a
     * directory's {@code *.sieve} regular files sorted by name; empty when unset or missing.
     *
     * @param spec the setting ({@code file:} prefix and {@code ;options} allowed)
     * @param home the user's home, for {@code ~}; null when there is none
     */
    public static List<Path> global(String spec, Path home) throws IOException {
        if (spec == null || spec.isBlank()) {
            return List.of();
        }
        String s = spec.strip();
        if (s.startsWith("file:")) {
            s = s.substring("file:".length());
        }
        int semi = s.indexOf(';');
        Path p = expand(semi < 0 ? s : s.substring(0, semi), home);
        if (Files.isRegularFile(p)) {
            return List.of(p);
        }
        if (!Files.isDirectory(p)) {
            return List.of();
        }
        List<Path> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(p)) {
            files.filter(f -> f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f))
                    .sorted().forEach(scripts::add);
        }
        return scripts;
    }

    private static Path expand(String path, Path home) {
        String p = path.strip();
        if (home != null && (p.equals("~") || p.startsWith("~/"))) {
            return home.resolve(p.equals("~") ? "" : p.substring(2)).toAbsolutePath().normalize();
        }
        Path r = Path.of(p);
        return (r.isAbsolute() || home == null ? r : home.resolve(r)).toAbsolutePath().normalize();
    }

    private static Path inside(Path home, Path p) {
        if (!p.startsWith(home)) {
            throw new IllegalArgumentException("sieve path outside the home directory: " + p);
        }
        return p;
    }
}
