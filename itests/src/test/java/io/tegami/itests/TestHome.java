package io.tegami.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throw-away Tegami home folder: configs/ with listeners on free loopback ports, and data/.
 */
final class TestHome {

    final Path home;
    final int smtpPort;
    final int submissionPort;
    final int smtpsPort;

    private TestHome(Path home, int smtpPort, int submissionPort, int smtpsPort) {
        this.home = home;
        this.smtpPort = smtpPort;
        this.submissionPort = submissionPort;
        this.smtpsPort = smtpsPort;
    }

    /** Creates a home under {@code target/} with fresh ports and the given main.cf lines. */
    static TestHome create(String name, String... mainCf) {
        try {
            Path base = Path.of("target", "homes").toAbsolutePath();
            Files.createDirectories(base);
            Path home = Files.createTempDirectory(base, name + "-");
            Path configs = Files.createDirectories(home.resolve("configs"));
            Files.createDirectories(home.resolve("data"));
            TestHome h = new TestHome(home, freePort(), freePort(), freePort());
            write(configs.resolve("tegami.main.cfg"), String.join("\n", mainCf) + "\n");
            h.writeListener("smtp", h.smtpPort, "starttls", "");
            h.writeListener("submission", h.submissionPort, "starttls", "smtpd_tls_security_level = encrypt\n");
            h.writeListener("smtps", h.smtpsPort, "implicit", "");
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeListener(String name, int port, String tls, String extra) throws IOException {
        write(home.resolve("configs").resolve("tegami.listener-" + name + ".cfg"),
                "name = " + name + "\nprotocol = smtp\naddress = 127.0.0.1\nport = " + port + "\ntls = " + tls + "\n" + extra);
    }

    /** Adds a user to the passwd-file in Dovecot's format, with a {PLAIN} password. */
    void addUser(String name, String password) {
        try {
            Path passwd = home.resolve("data/passwd");
            String line = name + ":{PLAIN}" + password + "::::" + home.resolve("data/home/" + name) + "::\n";
            Files.writeString(passwd, line, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A user's Maildir. */
    Path maildir(String user) {
        return home.resolve("data/home").resolve(user).resolve("Maildir");
    }

    /** Ports handed out in this JVM: the kernel may offer a just-closed port again. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A loopback port free now and not handed out before in this JVM, so that the listeners of
     * one test never get the same port twice (which happened: pop3 and pop3s on one port).
     */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            }
        }
        throw new IOException("no fresh loopback port after 100 attempts");
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
