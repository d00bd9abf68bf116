package io.tegami.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin's side of a hot swap, through {@code bin/tegami-ctl}: bundle ids and versions from
 * {@code lb -s}, {@code stop}, {@code start}, and {@code update} to a rebuilt jar (the
 * distribution's jar with a new version qualifier and an extra manifest header, so that the
 * running revision visibly changes).
 */
final class SwapConsole {

    private static final Pattern LB = Pattern.compile("^\\s*(\\d+)\\|(\\w+)\\s*\\|\\s*\\d+\\|(\\S+) \\(([^)]*)\\)");

    /** One line of {@code lb -s}. */
    record BundleRow(String id, String state, String symbolicName, String version) {
    }

    private final InstalledTegami tegami;
    private int rebuilds;

    SwapConsole(InstalledTegami tegami) {
        this.tegami = tegami;
    }

    /** Every bundle by symbolic name. */
    Map<String, BundleRow> bundles() throws Exception {
        Processes.Result lb = tegami.ctl("lb", "-s");
        if (lb.exitCode() != 0) {
            throw new AssertionError("lb -s failed: " + lb);
        }
        Map<String, BundleRow> rows = new HashMap<>();
        for (String line : lb.stdout().lines().toList()) {
            Matcher m = LB.matcher(line);
            if (m.find()) {
                rows.put(m.group(3), new BundleRow(m.group(1), m.group(2), m.group(3), m.group(4)));
            }
        }
        if (rows.isEmpty()) {
            throw new AssertionError("no bundles in lb -s: " + lb);
        }
        return rows;
    }

    /** Runs one console command, which must succeed. */
    Processes.Result ctl(String... args) throws Exception {
        Processes.Result r = tegami.ctl(args);
        if (r.exitCode() != 0 || !r.stderr().isBlank()) {
            throw new AssertionError("tegami-ctl " + String.join(" ", args) + ": " + r);
        }
        return r;
    }

    /**
     * A copy of {@code bundle}'s jar from the distribution whose Bundle-Version qualifier ends
     * with {@code -swapN} and which carries {@code X-Tegami-Hot-Swap: N}; returns its URL.
     */
    String rebuiltJar(String symbolicName) throws IOException {
        int n = ++rebuilds;
        Path source = TegamiOptions.distribution().resolve("bundle").resolve(symbolicName + ".jar");
        Path target = tegami.home.resolve("data").resolve(symbolicName + "-swap" + n + ".jar");
        try (JarInputStream in = new JarInputStream(Files.newInputStream(source))) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            main.putValue("Bundle-Version", main.getValue("Bundle-Version") + "-swap" + n);
            main.putValue("X-Tegami-Hot-Swap", Integer.toString(n));
            try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
                copyEntries(in, out);
            }
        }
        return target.toUri().toString();
    }

    private static void copyEntries(JarInputStream in, JarOutputStream out) throws IOException {
        JarEntry entry;
        byte[] buf = new byte[8192];
        while ((entry = in.getNextJarEntry()) != null) {
            out.putNextEntry(new JarEntry(entry.getName()));
            InputStream data = in;
            int n;
            while ((n = data.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
            out.closeEntry();
        }
    }
}
