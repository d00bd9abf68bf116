package io.tegami.shell.lifecycle;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * {@code postfix reload}: reads every {@code configs/*.cfg} now and puts what changed into
 * ConfigAdmin, as Felix FileInstall would on its next poll, so that components see the files'
 * state when the command returns. Files are matched to configurations the way FileInstall does
 * ({@code felix.fileinstall.filename}; {@code PID.cfg}, or {@code FACTORYPID-NAME.cfg} for factory
 * configurations), configurations whose file is gone are deleted, and unchanged ones are left
 * alone so that their components are not needlessly reconfigured (a listener would rebind).
 */
final class ConfigReloader {

    /** FileInstall's bookkeeping key: the file a configuration came from. */
    static final String FILENAME = "felix.fileinstall.filename";

    private final ConfigurationAdmin cm;

    ConfigReloader(ConfigurationAdmin cm) {
        this.cm = cm;
    }

    /** What a reload did. */
    record Result(int updated, int created, int deleted, int unchanged) {
    }

    Result reload(Path dir) throws IOException {
        Map<Path, Configuration> byFile = configurationsByFile();
        int updated = 0;
        int created = 0;
        int unchanged = 0;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.cfg")) {
            stream.forEach(files::add);
        }
        files.sort(null);
        for (Path file : files) {
            Map<String, String> wanted = read(file);
            Path key = file.toAbsolutePath().normalize();
            Configuration c = byFile.remove(key);
            if (c == null) {
                c = create(file);
                created++;
            } else if (sameValues(c.getProperties(), wanted)) {
                unchanged++;
                continue;
            } else {
                updated++;
            }
            Hashtable<String, Object> props = new Hashtable<>(wanted);
            props.put(FILENAME, fileKey(file));
            c.update(props);
        }
        int deleted = 0;
        for (Map.Entry<Path, Configuration> gone : byFile.entrySet()) {
            if (dir.toAbsolutePath().normalize().equals(gone.getKey().getParent())) {
                gone.getValue().delete();
                deleted++;
            }
        }
        return new Result(updated, created, deleted, unchanged);
    }

    private Map<Path, Configuration> configurationsByFile() throws IOException {
        Configuration[] all;
        try {
            all = cm.listConfigurations("(" + FILENAME + "=*)");
        } catch (InvalidSyntaxException e) {
            throw new IOException(e);
        }
        Map<Path, Configuration> result = new HashMap<>();
        if (all != null) {
            for (Configuration c : all) {
                Dictionary<String, Object> p = c.getProperties();
                Object name = p == null ? null : p.get(FILENAME);
                if (name != null) {
                    try {
                        result.put(Path.of(URI.create(name.toString())).toAbsolutePath().normalize(), c);
                    } catch (IllegalArgumentException e) {
                        // not a file: URI; FileInstall did not write it, so it is not ours to touch
                    }
                }
            }
        }
        return result;
    }

    private Configuration create(Path file) throws IOException {
        String pid = file.getFileName().toString();
        pid = pid.substring(0, pid.length() - ".cfg".length());
        int dash = pid.indexOf('-');
        // "?": the multi-location region FileInstall uses, so any bundle may read the configuration.
        return dash > 0 ? cm.getFactoryConfiguration(pid.substring(0, dash), pid.substring(dash + 1), "?")
                : cm.getConfiguration(pid, "?");
    }

    /** The file's keys and values, read as FileInstall reads a {@code .cfg} (properties syntax). */
    static Map<String, String> read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> values = new TreeMap<>();
        p.forEach((k, v) -> values.put(k.toString(), v.toString().trim()));
        return values;
    }

    private static boolean sameValues(Dictionary<String, Object> current, Map<String, String> wanted) {
        if (current == null) {
            return false;
        }
        Map<String, String> have = new TreeMap<>();
        for (Enumeration<String> keys = current.keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            if (!k.equals(FILENAME) && !k.startsWith("service.")) {
                have.put(k, String.valueOf(current.get(k)));
            }
        }
        return have.equals(wanted);
    }

    /** FileInstall's form of a file name: {@code file:/path}, from {@link java.io.File#toURI()}. */
    static String fileKey(Path file) {
        return file.toAbsolutePath().normalize().toFile().toURI().toString();
    }
}
