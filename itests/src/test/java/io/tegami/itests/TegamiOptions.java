package io.tegami.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;

/**
 * The Pax Exam configuration every in-container test shares: the distribution's own jars
 * (boot/ at start level 1 like bin/tegami does, bundle/ after), a fresh Tegami home with the
 * test's configuration files, and the test clients.
 */
final class TegamiOptions {

    private TegamiOptions() {
    }

    /** The built distribution folder, {@code distribution/target/tegami}. */
    static Path distribution() {
        return Path.of(System.getProperty("tegami.dist", "../distribution/target/tegami")).toAbsolutePath().normalize();
    }

    /**
     * Options that boot Tegami from the distribution's jars with {@code home} as its home folder
     * and the configuration files found in {@code home/configs}.
     */
    static Option[] tegami(Path home) {
        List<Option> options = new ArrayList<>();
        options.add(systemProperty("tegami.home").value(home.toString()));
        options.add(frameworkProperty("felix.fileinstall.dir").value(home.resolve("configs").toString()));
        options.add(frameworkProperty("felix.fileinstall.filter").value(".*\\.cfg"));
        options.add(frameworkProperty("felix.fileinstall.poll").value("500"));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("felix.fileinstall.enableConfigSave").value("false"));
        // No interactive console: Gogo would read the test JVM's stdin, hit its end and stop the framework.
        options.add(frameworkProperty("gosh.args").value("--nointeractive"));
        options.add(frameworkStartLevel(5));
        for (Path jar : jars("boot")) {
            options.add(bundle(jar.toUri().toString()).startLevel(1).start());
        }
        for (Path jar : jars("bundle")) {
            // A fragment (netty's native epoll library) attaches to its host and cannot be started.
            options.add(bundle(jar.toUri().toString()).startLevel(3).start(!isFragment(jar)));
        }
        options.add(junitBundles());
        options.add(mavenBundle("jakarta.activation", "jakarta.activation-api", System.getProperty("jakarta.activation.version")).startLevel(2));
        options.add(mavenBundle("org.eclipse.angus", "angus-activation", System.getProperty("angus.activation.version")).startLevel(2));
        options.add(mavenBundle("jakarta.mail", "jakarta.mail-api", System.getProperty("jakarta.mail.version")).startLevel(2));
        options.add(mavenBundle("org.eclipse.angus", "angus-mail", System.getProperty("angus.mail.version")).startLevel(2));
        return options.toArray(new Option[0]);
    }

    private static boolean isFragment(Path jar) {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            java.util.jar.Manifest manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue("Fragment-Host") != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> jars(String folder) {
        try (Stream<Path> files = Files.list(distribution().resolve(folder))) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("build the distribution first (mvn package): " + e.getMessage(), e);
        }
    }
}
