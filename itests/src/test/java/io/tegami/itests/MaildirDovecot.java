package io.tegami.itests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A private Dovecot (Debian's dovecot-imapd) for the interop tests: its own configuration file,
 * base_dir and log under a test directory, IMAP on a free loopback port, every user's home at
 * {@code <dir>/home/<user>} with {@code mail_location = maildir:~/Maildir}, password
 * {@value #PASSWORD}. Mail is accessed as uid/gid {@value #MAIL_UID} (nobody), since Dovecot
 * refuses root; the tests hand the homes to that uid.
 */
final class MaildirDovecot implements AutoCloseable {

    static final String PASSWORD = "secret";
    static final int MAIL_UID = 65534;
    static final Path BINARY = Path.of("/usr/sbin/dovecot");

    final Path dir;
    final int port;
    private final Process process;

    private MaildirDovecot(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Whether this machine can run the test's Dovecot (installed, and we are root to start it). */
    static boolean available() {
        return Files.isExecutable(BINARY) && "root".equals(System.getProperty("user.name"));
    }

    /** Writes the configuration and starts {@code dovecot -F}, waiting for its IMAP greeting. */
    static MaildirDovecot start(Path dir) throws IOException, InterruptedException {
        int port = TestHome.freePort();
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("state"));
        String conf = String.join("\n",
                "protocols = imap",
                "listen = 127.0.0.1",
                "base_dir = " + dir.resolve("run"),
                "state_dir = " + dir.resolve("state"),
                "instance_name = tegami-it-" + port,
                "log_path = " + dir.resolve("dovecot.log"),
                "ssl = no",
                "disable_plaintext_auth = no",
                "auth_mechanisms = plain",
                "mail_location = maildir:~/Maildir",
                "first_valid_uid = 1",
                "passdb {",
                "  driver = static",
                "  args = password=" + PASSWORD,
                "}",
                "userdb {",
                "  driver = static",
                "  args = uid=" + MAIL_UID + " gid=" + MAIL_UID + " home=" + dir.resolve("home") + "/%u",
                "}",
                "service imap-login {",
                "  inet_listener imap {",
                "    address = 127.0.0.1",
                "    port = " + port,
                "  }",
                "  inet_listener imaps {",
                "    port = 0",
                "  }",
                "}",
                "");
        Path file = dir.resolve("dovecot.conf");
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(BINARY.toString(), "-F", "-c", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("dovecot.out").toFile()).start();
        MaildirDovecot d = new MaildirDovecot(dir, port, p);
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(5000);
                if (s.getInputStream().read() == '*') {
                    return d;
                }
            } catch (IOException e) {
                if (!p.isAlive() || System.currentTimeMillis() > deadline) {
                    d.close();
                    throw new IOException("dovecot did not start: " + d.log(), e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Logs in as {@code user}. */
    MaildirImapClient login(String user) throws IOException {
        MaildirImapClient c = new MaildirImapClient(port);
        c.ok("LOGIN " + user + " " + PASSWORD);
        return c;
    }

    /** Makes a tree readable and writable by the mail uid (the tests run as root). */
    static void handOver(Path tree) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chown", "-R", MAIL_UID + ":" + MAIL_UID, tree.toString()).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("chown failed on " + tree);
        }
    }

    String log() {
        StringBuilder s = new StringBuilder();
        for (String f : new String[] {"dovecot.out", "dovecot.log"}) {
            try {
                s.append("--- ").append(f).append('\n').append(Files.readString(dir.resolve(f), StandardCharsets.UTF_8));
            } catch (IOException e) {
                s.append("(no ").append(f).append(")\n");
            }
        }
        return s.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the master stops its children and exits
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
