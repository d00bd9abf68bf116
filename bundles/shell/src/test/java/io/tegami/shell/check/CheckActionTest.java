package io.tegami.shell.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.shell.CommandFailedException;

/** postfix check over a real directory tree, with the defaults' shapes the config bundle has. */
class CheckActionTest {

    @TempDir
    Path home;

    private MapMailParameters params;
    private final List<Map<String, Object>> listeners = new ArrayList<>();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void tree() throws IOException {
        params = new MapMailParameters(home, Map.ofEntries(
                Map.entry("data_directory", "data"), Map.entry("queue_directory", "$data_directory/spool"),
                Map.entry("passwd_file", "$data_directory/passwd"), Map.entry("mail_home", "$data_directory/home/%u"),
                Map.entry("message_size_limit", "10240000"), Map.entry("smtpd_timeout", "300s"),
                Map.entry("disable_vrfy_command", "no"), Map.entry("mynetworks", "127.0.0.0/8 [::1]/128"),
                Map.entry("alias_maps", "hash:configs/aliases"), Map.entry("smtpd_tls_cert_file", ""),
                Map.entry("smtpd_tls_key_file", "")));
        for (String d : new String[] {"data", "data/spool", "data/spool/active", "data/private", "data/home",
            "data/home/alice", "configs"}) {
            Files.createDirectories(home.resolve(d));
            Files.setPosixFilePermissions(home.resolve(d), PosixFilePermissions.fromString("rwx------"));
        }
        Files.writeString(home.resolve("configs/aliases"), "postmaster: root\nroot: alice\n");
        Path passwd = Files.writeString(home.resolve("data/passwd"), "alice:{PLAIN}x:1000:1000::/home/alice::\n");
        Files.setPosixFilePermissions(passwd, PosixFilePermissions.fromString("rw-------"));
    }

    private String run() {
        new CheckAction(params, () -> listeners, new PortCheck()).run(List.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return err.toString(StandardCharsets.UTF_8);
    }

    private String failing() {
        CommandFailedException e = assertThrows(CommandFailedException.class, this::run);
        assertEquals("postfix/postfix-script: fatal: Postfix integrity check failed!", e.getMessage());
        assertEquals(1, e.exitCode());
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aGoodTreeIsSilent() {
        assertEquals("", run());
    }

    @Test
    void badValuesAreErrors() {
        params.set("message_size_limit", "10x").set("smtpd_timeout", "5q");
        String out = failing();
        assertTrue(out.contains("postfix/postfix-script: error: bad numerical configuration: message_size_limit = 10x\n"), out);
        assertTrue(out.contains("postfix/postfix-script: error: parameter smtpd_timeout: bad time value or unit: 5q\n"), out);
    }

    @Test
    void aliasAndTableSyntaxAreWarningsMissingTablesErrors() throws IOException {
        Files.writeString(home.resolve("configs/aliases"), "postmaster root\n  continued\nroot:\n");
        Files.writeString(home.resolve("configs/access"), "10.0.0.1\n");
        params.set("smtpd_client_restrictions", "check_client_access hash:configs/access, permit");
        params.set("canonical_maps", "hash:configs/nope");
        String out = failing();
        Path aliases = home.resolve("configs/aliases");
        assertTrue(out.contains("warning: " + aliases + ", line 1: need name:value pair\n"), out);
        assertTrue(out.contains("warning: " + aliases + ", line 3: missing value for alias \"root\"\n"), out);
        assertTrue(out.contains("warning: hash:configs/access, line 1: expected format: key whitespace value\n"), out);
        assertTrue(out.contains("error: canonical_maps: hash:configs/nope: open " + home.resolve("configs/nope")
                + ": No such file or directory\n"), out);
    }

    @Test
    void writableDirectoriesAndReadableSecretsAreWarnings() throws IOException {
        Files.setPosixFilePermissions(home.resolve("data/spool/active"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(home.resolve("data/passwd"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(home.resolve("data/private"), PosixFilePermissions.fromString("rwxr-xr-x"));
        String out = run();
        assertTrue(out.contains("postfix/postfix-script: warning: group or other writable: "
                + home.resolve("data/spool/active") + "\n"), out);
        assertTrue(out.contains("warning: group or other readable: " + home.resolve("data/passwd") + "\n"), out);
        assertTrue(out.contains("warning: group or other accessible: " + home.resolve("data/private") + "\n"), out);
    }

    @Test
    void passwdFileProblemsInDovecotsWords() throws IOException {
        Files.writeString(home.resolve("data/passwd"), "alice:x:1000:1000\nalice:y:x1:1000\n:z\n");
        String out = run();
        Path p = home.resolve("data/passwd");
        assertTrue(out.contains("warning: passwd-file " + p + ": User alice exists more than once\n"), out);
        assertTrue(out.contains("warning: passwd-file " + p + ": User alice has invalid UID 'x1'\n"), out);
        assertTrue(out.contains("warning: passwd-file " + p + ", line 3: missing user name\n"), out);
    }

    @Test
    void aMissingAliasFileIsAWarningAndEachTableIsCheckedOnce() throws IOException {
        Files.delete(home.resolve("configs/aliases"));
        params.set("alias_database", "hash:configs/aliases");
        assertEquals("postfix/postfix-script: warning: open database " + home.resolve("configs/aliases")
                + ": No such file or directory\n", run());
    }

    @Test
    void aMissingQueueIsAnError() throws IOException {
        params.set("queue_directory", "nowhere");
        assertTrue(failing().contains("error: no Postfix queue directory " + home.resolve("nowhere") + "!\n"));
    }

    @Test
    void portsHeldByThisProcessAreFineByOthersAnError(@TempDir Path proc) throws IOException {
        try (ServerSocket held = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            listeners.add(Map.of("name", "smtp", "protocol", "smtp", "address", "127.0.0.1",
                    "port", String.valueOf(held.getLocalPort())));
            assertEquals("", run());
            // The same port as a /proc where some other process holds the listening socket.
            Files.createDirectories(proc.resolve("net"));
            Files.createDirectories(proc.resolve("self/fd"));
            Files.writeString(proc.resolve("net/tcp"), "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when "
                    + "retrnsmt   uid  timeout inode\n   0: 0100007F:" + String.format("%04X", held.getLocalPort())
                    + " 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1\n");
            Findings findings = new Findings(new PrintStream(err, true, StandardCharsets.UTF_8));
            new PortCheck(proc).check(List.of(new PortCheck.Bind("smtp", "127.0.0.1", held.getLocalPort())), findings);
            assertEquals("postfix/postfix-script: error: listener smtp: 127.0.0.1:" + held.getLocalPort()
                    + ": in use by another program\n", err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void freePortsAreFine() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertEquals(null, PortCheck.tryBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
        assertFalse(PortCheck.wildcard("127.0.0.1"));
    }
}
