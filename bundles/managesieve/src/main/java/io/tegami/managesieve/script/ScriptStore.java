package io.tegami.managesieve.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.tegami.api.sieve.SieveScriptLocation;
import io.tegami.managesieve.session.SieveSettings;

/**
 * One user's scripts, only through {@link SieveScriptLocation} (Pigeonhole's layout, which
 * delivery reads): names are checked with {@link SieveScriptLocation#validName}, and a script
 * whose real path leaves the home (a link planted in {@code ~/sieve}) counts as missing, so
 * ManageSieve never reads or replaces a file outside the home. Writes go to a temporary file
 * beside the script and are moved into place, so delivery never reads half a script.
 */
public final class ScriptStore {

    private final SieveScriptLocation location;
    private final Path home;
    private final SieveSettings settings;

    public ScriptStore(SieveScriptLocation location, Path home, SieveSettings settings) {
        this.location = location;
        this.home = home.toAbsolutePath().normalize();
        this.settings = settings;
    }

    /** The scripts' names, sorted. */
    public List<String> list() throws IOException {
        Path dir = location.directory();
        if (!Files.isDirectory(dir) || !inside(dir)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String file = f.getFileName().toString();
                if (file.endsWith(SieveScriptLocation.SUFFIX)) {
                    String name = file.substring(0, file.length() - SieveScriptLocation.SUFFIX.length());
                    if (SieveScriptLocation.validName(name) && exists(name)) {
                        names.add(name);
                    }
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** Whether the script exists (a regular file inside the home). */
    public boolean exists(String name) {
        Path p = location.script(name);
        return Files.isRegularFile(p) && inside(p);
    }

    /** The script's text, or empty when it does not exist. */
    public Optional<String> read(String name) throws IOException {
        if (!exists(name)) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(location.script(name), StandardCharsets.UTF_8));
    }

    /** The script's size in octets, 0 when missing. */
    public long size(String name) throws IOException {
        return exists(name) ? Files.size(location.script(name)) : 0;
    }

    /** Stores (or replaces) a script. */
    public void write(String name, String text) throws IOException {
        Path dir = location.directory();
        Files.createDirectories(dir);
        if (!inside(dir)) {
            throw new IOException("script directory leaves the home: " + dir);
        }
        Path target = location.script(name);
        if (Files.isSymbolicLink(target)) {
            Files.delete(target); // replace the link itself, never what it points at
        }
        Path tmp = Files.createTempFile(dir, ".putscript-", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Deletes a script; false when it does not exist. */
    public boolean delete(String name) throws IOException {
        Path p = location.script(name);
        return (exists(name) || Files.isSymbolicLink(p)) && Files.deleteIfExists(p);
    }

    /** Renames a script; the active link follows it. */
    public void rename(String from, String to) throws IOException {
        boolean wasActive = active().map(from::equals).orElse(false);
        Path target = location.script(to);
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Files.move(location.script(from), target, StandardCopyOption.ATOMIC_MOVE);
        if (wasActive) {
            location.activate(to);
        }
    }

    /** The active script's name, if any. */
    public Optional<String> active() {
        return location.activeName();
    }

    public void activate(String name) throws IOException {
        location.activate(name);
    }

    public void deactivate() throws IOException {
        location.deactivate();
    }

    /**
     * Whether a script of {@code size} octets may be stored as {@code name}: the response code
     * and text of the refusal (Pigeonhole's words), or empty when it fits.
     */
    public Optional<String[]> quota(String name, long size) throws IOException {
        long maxSize = settings.maxScriptSize();
        if (maxSize > 0 && size > maxSize) {
            return Optional.of(new String[] {"QUOTA/MAXSIZE",
                "Script is too large (max " + maxSize + " bytes)."});
        }
        List<String> names = list();
        long maxScripts = settings.maxScripts();
        if (maxScripts > 0 && !names.contains(name) && names.size() >= maxScripts) {
            return Optional.of(new String[] {"QUOTA/MAXSCRIPTS",
                "Script count quota exceeded (max " + maxScripts + " scripts)."});
        }
        long maxStorage = settings.maxStorage();
        if (maxStorage > 0) {
            long used = size;
            for (String other : names) {
                used += other.equals(name) ? 0 : size(other);
            }
            if (used > maxStorage) {
                return Optional.of(new String[] {"QUOTA/MAXSTORAGE",
                    "Script storage quota exceeded (max " + maxStorage + " bytes)."});
            }
        }
        return Optional.empty();
    }

    private boolean inside(Path p) {
        try {
            return p.toRealPath().startsWith(home.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
