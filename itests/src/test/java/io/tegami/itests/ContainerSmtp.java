package io.tegami.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Path;

import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;

/**
 * The Tegami of a Pax Exam test as the test sees it inside the container: its home and its SMTP
 * listener's port, which {@link #options} hands over from the {@link TestHome} (built outside the
 * container) as the {@code tegami.test.smtp} system property.
 */
record ContainerSmtp(int port, Path home) {

    /** The container running Tegami from {@code h}, told its SMTP port. */
    static Option[] options(TestHome h) {
        return CoreOptions.options(composite(TegamiOptions.tegami(h.home)),
                systemProperty("tegami.test.smtp").value(String.valueOf(h.smtpPort)));
    }

    /** Inside the container: the home and SMTP port, once the listener accepts connections. */
    static ContainerSmtp awaitListening() throws Exception {
        ContainerSmtp tegami = new ContainerSmtp(Integer.getInteger("tegami.test.smtp"),
                Path.of(System.getProperty("tegami.home")).toAbsolutePath());
        Net.awaitListening(tegami.port, 20_000);
        return tegami;
    }

    /** A user's home folder, as TestHome's users have it. */
    Path userHome(String user) {
        return home.resolve("data/home").resolve(user);
    }
}
